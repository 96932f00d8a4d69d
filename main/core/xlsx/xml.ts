/**
 * A small streaming XML tokenizer for the few parts of an .xlsx file we read. It is not a general
 * XML parser: it reports start tags (with attributes), end tags and text, checks that tags nest,
 * skips comments and processing instructions, and refuses a DOCTYPE outright (no .xlsx part has
 * one, and entity declarations are how XML bombs work). Element and attribute names are given
 * without their namespace prefix (`x:c` → `c`), as spreadsheet writers differ in prefixes.
 *
 * Memory is bounded whatever the input: text is handed on in pieces as it arrives, and only one
 * unfinished tag is ever buffered (at most MAX_TAG_CHARS).
 */

export class XmlError extends Error {}

/** More start tags than the caller allows: the part is too big to read, though well-formed. */
export class XmlElementLimitError extends Error {
  constructor(readonly maxElements: number) {
    super(`More than ${maxElements} elements.`);
  }
}

/** Attributes of the current start tag; valid only during the `open` call (reused for the next tag). */
export class XmlAttributes {
  private names: string[] = [];
  private values: string[] = [];
  private count = 0;

  get(name: string): string | undefined {
    for (let i = 0; i < this.count; i++) if (this.names[i] === name) return this.values[i];
    return undefined;
  }

  /** @internal */
  reset(): void {
    this.count = 0;
  }

  /** @internal */
  add(name: string, value: string): void {
    this.names[this.count] = name;
    this.values[this.count] = value;
    this.count++;
  }
}

export interface XmlHandler {
  open(name: string, attributes: XmlAttributes, selfClosing: boolean): void;
  close(name: string): void;
  /** Decoded character data; one text node may arrive in several pieces. Called only while `wantsText`. */
  text(text: string): void;
  /** Whether text is needed at this point; skipping it avoids slicing the whitespace between tags. */
  readonly wantsText: boolean;
}

/** Deeper than any spreadsheet part (about 6 levels), shallow enough to refuse nesting bombs early. */
export const MAX_XML_DEPTH = 128;
/** One start tag with its attributes; Excel's longest attribute values are a few hundred characters. */
export const MAX_TAG_CHARS = 1 << 20;

const LT = 60, GT = 62, COLON = 58, SLASH = 47, EQ = 61, QUOT = 34, APOS = 39, BANG = 33, QUESTION = 63;

type Mode = 'content' | 'comment' | 'cdata' | 'pi';

export class XmlTokenizer {
  private buffer = '';
  private mode: Mode = 'content';
  private readonly stack: string[] = [];
  private readonly attributes = new XmlAttributes();
  private sawRoot = false;
  private elements = 0;

  /** `maxElements` bounds the work a part can cause (tags, unlike bytes, each cost a call). */
  constructor(
    private readonly handler: XmlHandler,
    private readonly maxElements = Infinity,
  ) {}

  write(chunk: string): void {
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    this.drain(false);
  }

  /** Ends the document: anything unfinished (an open tag, an unclosed element) is an error. */
  end(): void {
    this.drain(true);
    if (this.mode !== 'content' || this.buffer.trim() !== '' || this.stack.length > 0 || !this.sawRoot) {
      throw new XmlError('The XML part ends in the middle of an element.');
    }
  }

  private drain(final: boolean): void {
    const s = this.buffer;
    const n = s.length;
    let pos = 0;
    while (pos < n) {
      if (this.mode !== 'content') {
        const terminator = this.mode === 'comment' ? '-->' : this.mode === 'cdata' ? ']]>' : '?>';
        const end = s.indexOf(terminator, pos);
        if (end === -1) {
          // Keep only what could be the start of the terminator; a comment is never held whole.
          const keep = Math.max(pos, n - (terminator.length - 1));
          if (this.mode === 'cdata') this.emitRaw(s, pos, keep);
          pos = keep;
          break;
        }
        if (this.mode === 'cdata') this.emitRaw(s, pos, end);
        pos = end + terminator.length;
        this.mode = 'content';
        continue;
      }

      // A plain loop beats indexOf here: the distance to the next tag is usually a few characters.
      let lt = pos;
      while (lt < n && s.charCodeAt(lt) !== LT) lt++;
      if (lt === n) {
        // Hold back an entity that may continue in the next chunk ("&am" + "p;").
        let safe = n;
        const amp = s.lastIndexOf('&');
        if (!final && amp >= pos && amp > n - 12 && s.indexOf(';', amp) === -1) safe = amp;
        this.emitText(s, pos, safe);
        pos = safe;
        break;
      }
      if (lt > pos) this.emitText(s, pos, lt);
      pos = lt;

      const next = s.charCodeAt(pos + 1);
      if (next === BANG || next === QUESTION) {
        if (n - pos < 9 && !final) break; // not enough to tell a comment from CDATA yet
        if (s.startsWith('<!--', pos)) {
          this.mode = 'comment';
          pos += 4;
        } else if (s.startsWith('<![CDATA[', pos)) {
          if (this.stack.length === 0) throw new XmlError('Character data outside the root element.');
          this.mode = 'cdata';
          pos += 9;
        } else if (next === QUESTION) {
          this.mode = 'pi';
          pos += 2;
        } else {
          throw new XmlError('DOCTYPE and other declarations are not allowed.');
        }
        continue;
      }
      const end = next === SLASH ? this.endTag(s, pos) : this.startTag(s, pos);
      if (end === -1) break; // the tag continues in the next chunk
      pos = end;
    }
    this.buffer = pos === 0 ? s : s.slice(pos);
    if (this.buffer.length > MAX_TAG_CHARS) throw new XmlError('A tag is longer than the limit.');
  }

  private emitText(s: string, from: number, to: number): void {
    if (to <= from || !this.handler.wantsText) return;
    if (this.stack.length === 0) {
      if (s.slice(from, to).trim() !== '') throw new XmlError('Text outside the root element.');
      return;
    }
    const raw = s.slice(from, to);
    this.handler.text(raw.includes('&') ? decodeEntities(raw) : raw);
  }

  private emitRaw(s: string, from: number, to: number): void {
    if (to > from && this.handler.wantsText) this.handler.text(s.slice(from, to));
  }

  /** Returns the position after the tag, or -1 when the tag is not complete in `s` yet. */
  private endTag(s: string, pos: number): number {
    const n = s.length;
    const open = this.stack.pop();
    if (open === undefined) throw new XmlError('End tag without a start tag.');
    let i = pos + 2 + open.length;
    if (i >= n) return undefinedYet(this.stack, open);
    // Compared in place: slicing every end tag's name costs more than the rest of the tag.
    if (!s.startsWith(open, pos + 2)) throw new XmlError('End tag does not match its start tag.');
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) return undefinedYet(this.stack, open);
    if (s.charCodeAt(i) !== GT) throw new XmlError('End tag does not match its start tag.');
    this.handler.close(localName(open));
    return i + 1;
  }

  private startTag(s: string, pos: number): number {
    const n = s.length;
    let i = pos + 1;
    while (i < n && !isNameEnd(s.charCodeAt(i))) i++;
    if (i >= n) return -1;
    const name = s.slice(pos + 1, i);
    if (name.length === 0) throw new XmlError('A tag without a name.');
    const attributes = this.attributes;
    attributes.reset();
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const c = s.charCodeAt(i);
      if (c === GT || c === SLASH) {
        const selfClosing = c === SLASH;
        if (selfClosing) {
          if (i + 1 >= n) return -1;
          if (s.charCodeAt(i + 1) !== GT) throw new XmlError('Malformed empty-element tag.');
        }
        if (this.stack.length === 0 && this.sawRoot) throw new XmlError('More than one root element.');
        this.sawRoot = true;
        if (++this.elements > this.maxElements) throw new XmlElementLimitError(this.maxElements);
        if (!selfClosing) {
          if (this.stack.length >= MAX_XML_DEPTH) throw new XmlError('Elements nest too deeply.');
          this.stack.push(name);
        }
        this.handler.open(localName(name), attributes, selfClosing);
        if (selfClosing) this.handler.close(localName(name));
        return i + (selfClosing ? 2 : 1);
      }
      const nameStart = i;
      while (i < n && !isNameEnd(s.charCodeAt(i)) && s.charCodeAt(i) !== EQ) i++;
      if (i >= n) return -1;
      const attributeName = s.slice(nameStart, i);
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      if (s.charCodeAt(i) !== EQ || attributeName.length === 0) throw new XmlError('An attribute without a value.');
      i++;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const quote = s.charCodeAt(i);
      if (quote !== QUOT && quote !== APOS) throw new XmlError('An attribute value without quotes.');
      const close = s.indexOf(quote === QUOT ? '"' : "'", i + 1);
      if (close === -1) return -1;
      const raw = s.slice(i + 1, close);
      if (raw.includes('<')) throw new XmlError('"<" inside an attribute value.');
      // Namespace declarations are not attributes of the element (xmlns:r would read as "r").
      if (!attributeName.startsWith('xmlns')) attributes.add(localName(attributeName), raw.includes('&') ? decodeEntities(raw) : raw);
      i = close + 1;
      const after = s.charCodeAt(i);
      if (i < n && !isSpace(after) && after !== GT && after !== SLASH) throw new XmlError('Attributes must be separated by white space.');
    }
  }
}

/** The end tag is cut by the chunk boundary: put its element back and wait for more. */
function undefinedYet(stack: string[], open: string): -1 {
  stack.push(open);
  return -1;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
const isNameEnd = (c: number) => isSpace(c) || c === GT || c === SLASH || c === LT;

function localName(name: string): string {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === COLON) return name.slice(i + 1);
  return name;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five predefined entities and character references; anything else is kept as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) !== 35) return NAMED[ref];
    const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
  });
}
