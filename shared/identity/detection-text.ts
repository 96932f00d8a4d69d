/**
 * The text the identity-number detector reads: every way of writing a digit folded to ASCII, the
 * characters that take no place on screen removed, and a look-alike letter read as the digit it
 * stands for where it sits among digits. Each code unit of the result remembers the code point of
 * the original it came from, so a hit found in the folded text marks the right place in the text a
 * person wrote (the UI marks it; redaction replaces exactly it).
 *
 * - Unicode NFKC, one code point at a time: full-width digits and signs (Asian input methods,
 *   PDFs), mathematical bold, double-struck, sans-serif and monospace digits, the typographic
 *   spaces (no-break, en, em, thin, figure, narrow no-break, ideographic) become ASCII digits, signs
 *   and a space. A character whose NFKC form holds a digit but that is no digit itself (superscript
 *   "²", circled "①", "½", "㋀") is kept as it is: "m²" and footnote marks are not digits of a
 *   number, and reading them as one would join a number to its neighbour.
 * - Every decimal digit of any script (general category Nd: Arabic-Indic, Devanagari …) becomes
 *   its ASCII digit.
 * - Removed: format characters (Cf: soft hyphen, zero-width space and joiners, word joiner, the
 *   direction marks and embeddings, byte-order mark) and combining marks (Mn, Me: the combining
 *   grapheme joiner, variation selectors, an enclosing keycap). "170101\u00ad-2393" looks exactly
 *   like "170101-2393" and is the same number.
 * - Look-alike letters (Latin, Cyrillic and Greek O/o for 0, Latin l and I, Cyrillic І and Greek Ι
 *   for 1; nothing else — "B" for 8 or "S" for 5 would turn words into digits) only inside a
 *   number: a run of at most two of them with a digit directly on one side and, on the other, a
 *   digit or a single space or sign followed by a digit ("17O1O1", "2017-O1-O1"). "Olle 12",
 *   "2393 och" and "Bil 12" keep their letters.
 */
export interface DetectionText {
  text: string;
  /** Absent when `text` is the original. Else, for each code unit of `text`, where its code point starts in the original … */
  start?: Int32Array;
  /** … and where it ends. */
  end?: Int32Array;
}

const ZERO_LOOKALIKES = 'Oo\u041e\u043e\u039f\u03bf';
const ONE_LOOKALIKES = 'lI\u0406\u0399';
const isLookalike = (unit: string | undefined) => unit !== undefined && unit.length === 1 && (ZERO_LOOKALIKES.includes(unit) || ONE_LOOKALIKES.includes(unit));
const isDigit = (unit: string | undefined) => unit !== undefined && unit >= '0' && unit <= '9';
/** What may stand between a look-alike and the digit beyond it: a space or a sign. */
const isStep = (unit: string | undefined) => unit !== undefined && ' \t-/._+\u2010\u2011\u2012\u2013\u2014\u2015\u2212'.includes(unit);

/** The text the detector reads, and where each of its code units came from. */
export function detectionText(original: string): DetectionText {
  if (readsAsItself(original)) return { text: original };
  const units: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < original.length; ) {
    const code = original.codePointAt(i)!;
    const size = code > 0xffff ? 2 : 1;
    const read = code < 0x80 ? original[i] : readable(code);
    for (let u = 0; u < read.length; u++) {
      units.push(read[u]);
      starts.push(i);
      ends.push(i + size);
    }
    i += size;
  }
  foldLookalikes(units);
  return { text: units.join(''), start: Int32Array.from(starts), end: Int32Array.from(ends) };
}

/**
 * What folding may change: a character outside ASCII other than the letters and punctuation of
 * ordinary Swedish text (Latin-1 letters, dashes, quotes, ellipsis, bullet, §, °, €), or O, o, l, I
 * beside a digit. Two regular expressions over the whole text, the common case being neither.
 */
const MAY_CHANGE = /[^\t-\x7f\u00c0-\u00ff\u00a7\u00ab\u00b0\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/;
const LOOKALIKE_BESIDE_DIGIT = /[OolI]\d|\d[OolI]/;

/**
 * True when folding cannot change the text: every character reads as itself (ASCII, "å", "–" …)
 * and no look-alike letter touches a digit. The common case, so checked without building anything.
 */
function readsAsItself(text: string): boolean {
  if (!MAY_CHANGE.test(text) && !LOOKALIKE_BESIDE_DIGIT.test(text)) return true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      const point = text.codePointAt(i)!;
      const read = readable(point);
      if (point > 0xffff) i++;
      if (read.length !== 1 || read.charCodeAt(0) !== point) {
        if (read.length !== 2 || read.codePointAt(0) !== point) return false;
      }
      if (!isLookalike(read)) continue;
    } else if (code !== 79 && code !== 111 && code !== 108 && code !== 73) continue;
    // O, o, l, I (or a Cyrillic or Greek look-alike) next to a digit: let the fold decide.
    if (isDigit(text[i - 1]) || isDigit(text[i + 1])) return false;
  }
  return true;
}

function foldLookalikes(units: string[]): void {
  for (let i = 0; i < units.length; i++) {
    if (!isLookalike(units[i])) continue;
    let k = i + 1;
    while (isLookalike(units[k])) k++;
    if (k - i <= 2) {
      const before = isDigit(units[i - 1]);
      const after = isDigit(units[k]);
      const beforeSide = before || (isStep(units[i - 1]) && isDigit(units[i - 2]));
      const afterSide = after || (isStep(units[k]) && isDigit(units[k + 1]));
      if ((before || after) && beforeSide && afterSide) {
        for (let j = i; j < k; j++) units[j] = ZERO_LOOKALIKES.includes(units[j]) ? '0' : '1';
      }
    }
    i = k - 1;
  }
}

const READABLE = new Map<number, string>();
const REMOVED = /^[\p{Cf}\p{Mn}\p{Me}]$/u;
const DECIMAL = /^\p{Nd}$/u;
const ANY_DECIMAL = /\p{Nd}/u;

/** What one non-ASCII code point reads as: '' when removed. Cached: a text repeats its characters. */
function readable(code: number): string {
  let read = READABLE.get(code);
  if (read === undefined) {
    const ch = String.fromCodePoint(code);
    if (REMOVED.test(ch)) read = '';
    else if (DECIMAL.test(ch)) read = String(digitValue(code));
    else {
      const nfkc = ch.normalize('NFKC');
      read = ANY_DECIMAL.test(nfkc) ? ch : nfkc;
    }
    if (READABLE.size < 10_000) READABLE.set(code, read);
  }
  return read;
}

/**
 * The value of a decimal digit of any script. Unicode encodes every such set as ten consecutive
 * code points from 0 to 9 (a stability guarantee), and sets that follow each other directly (the
 * mathematical digits) each start at 0, so the value is the distance from the start of the run.
 */
function digitValue(code: number): number {
  let first = code;
  while (DECIMAL.test(String.fromCodePoint(first - 1))) first--;
  return (code - first) % 10;
}
