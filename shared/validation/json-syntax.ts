/**
 * Where a JSON text first breaks the grammar, as line and column (1-based), so a refusal can say
 * "rad 3, kolumn 14" in Swedish instead of passing on the JavaScript engine's English text, which
 * also differs between Node, Chromium and other engines. Only called after JSON.parse failed;
 * JSON.parse stays the judge of validity. Iterative (no recursion): a hostile file may nest deeply.
 */
export interface JsonSyntaxError {
  line: number;
  column: number;
  /** True when the text ended where more was expected. */
  atEnd: boolean;
}

export function locateJsonSyntaxError(text: string): JsonSyntaxError {
  const offset = firstBadOffset(text);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, atEnd: offset >= text.length };
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// JSON forbids raw control characters inside strings, so the pattern has to name them.
// eslint-disable-next-line no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** The offset of the first character that cannot continue a valid JSON text. */
function firstBadOffset(text: string): number {
  // What may come next: a value, an object key (or "}"), ":", or "," / the closing bracket.
  type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');
  while (i <= text.length) {
    while (i < text.length && WHITESPACE.has(text[i])) i++;
    if (i === text.length) return expect === 'end' ? text.length : i;
    const ch = text[i];
    if (expect === 'end') return i;
    if (expect === 'colon') {
      if (ch !== ':') return i;
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'comma-or-close') {
      const open = stack[stack.length - 1];
      if (ch === ',') {
        i++;
        expect = open === '{' ? 'key' : 'value';
      } else if ((ch === '}' && open === '{') || (ch === ']' && open === '[')) {
        stack.pop();
        i++;
        expect = afterValue();
      } else return i;
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (ch === '}' && expect === 'key-or-close') {
        stack.pop();
        i++;
        expect = afterValue();
        continue;
      }
      const end = match(STRING, text, i);
      if (end === undefined) return i;
      i = end;
      expect = 'colon';
      continue;
    }
    // A value, or (right after "[") the closing bracket.
    if (ch === ']' && expect === 'value-or-close') {
      stack.pop();
      i++;
      expect = afterValue();
      continue;
    }
    if (ch === '{' || ch === '[') {
      stack.push(ch);
      i++;
      expect = ch === '{' ? 'key-or-close' : 'value-or-close';
      continue;
    }
    const end = ch === '"' ? match(STRING, text, i) : literalEnd(text, i) ?? match(NUMBER, text, i);
    if (end === undefined) return i;
    i = end;
    expect = afterValue();
  }
  return text.length;
}

function match(pattern: RegExp, text: string, at: number): number | undefined {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : undefined;
}

function literalEnd(text: string, at: number): number | undefined {
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, at)) return at + word.length;
  return undefined;
}
