import { isAscii, isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { MAX_JSON_DEPTH } from '../../shared/validation/json-depth';

export type JsonBodyOutcome = { ok: true; value: unknown } | { ok: false; problem: 'utf8' | 'json' | 'depth' };

/** A top-level string member at least this long (in bytes) is made straight from the body's bytes. */
export const LONG_STRING_BYTES = 64 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const UTF8_BOM = [0xef, 0xbb, 0xbf];
// JSON forbids these raw inside a string; naming them is the point.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f]/;

interface Cut {
  /** The opening quote. */
  start: number;
  /** The closing quote. */
  end: number;
}

/**
 * The request body as JSON, holding a large file as few times as possible.
 *
 * A file-carrying call is an object with one huge string member (`contentBase64`). Decoding the
 * whole body to text and JSON.parse-ing it holds the file three times over: the bytes, the text,
 * and the parsed string (V8 copies every string it parses). Here every string member of the
 * top-level object of at least `longStringBytes` is cut out of the bytes and made into a string
 * once, straight from them; only the rest (with a random placeholder for each cut) goes through
 * JSON.parse, and the strings are put back in place of their placeholders. The result is what
 * JSON.parse of the whole text gives, and so are the refusals: invalid UTF-8, invalid JSON
 * (a raw control character or a bad escape inside a cut string included), nesting deeper than
 * MAX_JSON_DEPTH (counted on the bytes, before anything is parsed). A UTF-8 byte order mark is
 * skipped and an empty body is `{}`, as before.
 */
export function parseJsonBody(bytes: Buffer, options: { longStringBytes?: number; maxDepth?: number } = {}): JsonBodyOutcome {
  if (!isUtf8(bytes)) return { ok: false, problem: 'utf8' };
  const from = UTF8_BOM.every((b, i) => bytes[i] === b) ? UTF8_BOM.length : 0;
  if (bytes.length === from) return { ok: true, value: {} };

  const scanned = scan(bytes, from, options.longStringBytes ?? LONG_STRING_BYTES, options.maxDepth ?? MAX_JSON_DEPTH);
  if (!scanned.ok) return scanned;
  const { cuts } = scanned;

  const strings = new Map<string, string>();
  const pieces: Buffer[] = [];
  const nonce = randomBytes(12).toString('hex');
  let at = from;
  for (const [i, cut] of cuts.entries()) {
    const value = stringAt(bytes, cut);
    if (value === undefined) return { ok: false, problem: 'json' };
    const placeholder = `${nonce}-${i}`;
    strings.set(placeholder, value);
    pieces.push(bytes.subarray(at, cut.start), Buffer.from(JSON.stringify(placeholder)));
    at = cut.end + 1;
  }
  pieces.push(bytes.subarray(at));

  let value: unknown;
  try {
    value = JSON.parse((cuts.length ? Buffer.concat(pieces) : pieces[0]).toString('utf8'));
  } catch {
    return { ok: false, problem: 'json' };
  }
  if (cuts.length) {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const original = typeof object[key] === 'string' ? strings.get(object[key]) : undefined;
      // defineProperty, so an own "__proto__" member stays a member, as JSON.parse made it.
      if (original !== undefined) Object.defineProperty(object, key, { value: original, writable: true, enumerable: true, configurable: true });
    }
  }
  return { ok: true, value };
}

/**
 * Finds the string members to cut and checks the nesting depth, without parsing: outside strings
 * only brackets count; inside, the closing quote is the first one not escaped by an odd run of
 * backslashes (found with indexOf, so a long string costs a memchr, not a loop in JavaScript).
 */
function scan(bytes: Buffer, from: number, longStringBytes: number, maxDepth: number): { ok: true; cuts: Cut[] } | { ok: false; problem: 'json' | 'depth' } {
  const cuts: Cut[] = [];
  let depth = 0;
  let topIsObject: boolean | undefined;
  for (let i = from; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === QUOTE) {
      const end = closingQuote(bytes, i);
      if (end === -1) return { ok: false, problem: 'json' };
      if (topIsObject && depth === 1 && end - i - 1 >= longStringBytes && !isKey(bytes, end + 1)) cuts.push({ start: i, end });
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      topIsObject ??= c === 0x7b;
      if (++depth > maxDepth) return { ok: false, problem: 'depth' };
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return { ok: true, cuts };
}

function closingQuote(bytes: Buffer, open: number): number {
  for (let at = open + 1; ; at++) {
    at = bytes.indexOf(QUOTE, at);
    if (at === -1) return -1;
    let backslashes = 0;
    while (bytes[at - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}

/** A string followed by ":" is a member's name, which stays in the skeleton. */
function isKey(bytes: Buffer, after: number): boolean {
  let i = after;
  while (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d) i++;
  return bytes[i] === 0x3a;
}

/**
 * The string a cut token stands for, or undefined when it is not valid JSON. Plain ASCII without
 * escapes (base64 always is) becomes a one-byte string in one copy; anything else is decoded by
 * JSON.parse of that token alone.
 */
function stringAt(bytes: Buffer, cut: Cut): string | undefined {
  const content = bytes.subarray(cut.start + 1, cut.end);
  if (isAscii(content) && content.indexOf(BACKSLASH) === -1) {
    const text = content.toString('latin1');
    return CONTROL_CHARACTER.test(text) ? undefined : text;
  }
  try {
    return JSON.parse(bytes.toString('utf8', cut.start, cut.end + 1)) as string;
  } catch {
    return undefined;
  }
}
