/**
 * The spellings of a personal or coordination number that people actually type, as one grammar
 * shared by the detector (free text: pii-guard.ts) and the parser (the case list's personnummer
 * column: personnummer.ts), so a spelling the parser reads is always one the detector refuses
 * elsewhere.
 *
 *   date   YYYYMMDD | YYMMDD | YYYY·MM·DD | YY·MM·DD   (· one separator, the same both times)
 *   gap    optional: "-", "+", "/", ".", "_", a dash a word processor substituted, each with
 *          spaces or tabs around it, or just spaces/tabs (up to four each side)
 *   serial NNNN
 *
 * Matching runs on `foldToAscii(text)`, which maps look-alike digits and separators one code
 * unit to one code unit, so offsets found in the folded text are offsets in the original.
 */

/**
 * Spaces people type or paste between groups: space, tab, no-break, the typographic spaces
 * (en, em, figure, thin, hair …), narrow no-break, medium mathematical, and the line and
 * paragraph separators a web page or a PDF may leave.
 */
const SPACE = '[ \\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u2028\\u2029]';
/** Separators that may sit inside the date as well as before the serial. */
const MARK = '[-/._\\u2010-\\u2015\\u2212]';
/** Before the serial "+" also counts: Skatteverket's sign for someone who has turned 100. */
const SIGN = `(?:${MARK}|\\+)`;

/** Signs that may have spaces around them; "." and "_" only stand alone ("2017.01.01", "170101_2393"). */
const SPACED_MARK = '[-/\\u2010-\\u2015\\u2212]';
const SPACED_SIGN = `(?:${SPACED_MARK}|\\+)`;
const BARE_ONLY = '[._]';

// Spaces alone, a sign with spaces around it, or a bare "." or "_": a full stop followed by a
// space ends a sentence ("… 2016-02-23. 0482-12 34 56"), it does not join a number. Written so
// that each input has one way to match, which keeps the scan over long texts fast.
const around = (spaced: string, bare: string) => `(?:${SPACE}{1,4}(?:${spaced}${SPACE}{0,4})?|${spaced}${SPACE}{0,4}|${bare})`;
const DATE_GAP = around(SPACED_MARK, BARE_ONLY);
// Before the serial a doubled sign ("170101--2393") is a typing slip like any other.
const GAP = around(`${SPACED_SIGN}{1,2}`, `${BARE_ONLY}{1,2}`);

// YYYYMMDD | YYMMDD | YYYY·MM·DD | YY·MM·DD, the separator repeated exactly.
const DATE = `(?:\\d{6}(?:\\d{2})?|\\d{2}(?:\\d{2})?(?<g>${DATE_GAP})\\d{2}\\k<g>\\d{2})`;

/** The whole shape; `unanchored` adds the digit boundaries a match inside free text needs. */
export function identityShape(mode: 'anchored' | 'unanchored'): RegExp {
  const body = `${DATE}(?:${GAP})?\\d{4}`;
  if (mode === 'anchored') return new RegExp(`^${body}$`);
  // No digit may touch either end. What follows the serial is judged by `continuationAfter`.
  return new RegExp(`(?<!\\d)${body}(?!\\d)`, 'g');
}

// A sign with or without spaces around it, as between the halves of "0900 - 1200".
const JOIN = `${SPACE}{0,4}${SIGN}${SPACE}{0,4}`;
const DATE_CONTINUATION = new RegExp(`^${JOIN}\\d{2}${SIGN}\\d{2}(?!\\d)`);
// Not followed by a further group: "0966-00 00 00" is a phone number, not a number and a suffix.
const SUFFIX = new RegExp(`^${JOIN}\\d{1,2}(?!\\d)(?!${SPACE}{0,4}${SIGN}?${SPACE}{0,4}\\d)`);
const FRACTION = /^[.,]\d/;
const GROUP = new RegExp(`^${JOIN}\\d`);

/**
 * What follows a candidate's serial decides what it is:
 * - `date`: the "serial" is the year of a second date ("2024-03-12–2024-06-30"): a date range.
 * - `fraction`: decimals after ten or twelve bare digits ("201701012393.5", a number cell):
 *   the whole part is what identifies.
 * - `suffix`: one or two digits joined on ("…-2393-1", "…-2393/2"): a numbered listing of a real
 *   number.
 * - `group`: a longer group joined on ("…-2321/2018", "2024-03-12. 0680-12 34 56",
 *   "2024-03-12 0900 - 1200"): the tail of a Dnr, a phone number or a time range that merely has
 *   the shape — or a real number with a reference after it ("20170101-2393/2018").
 * - `none`: nothing joined on.
 */
export function continuationAfter(matched: string, text: string, end: number): 'none' | 'date' | 'fraction' | 'suffix' | 'group' {
  const rest = text.slice(end, end + 24);
  if (DATE_CONTINUATION.test(rest)) return 'date';
  if (/^\d+$/.test(matched) && FRACTION.test(rest)) return 'fraction';
  if (SUFFIX.test(rest)) return 'suffix';
  return GROUP.test(rest) ? 'group' : 'none';
}

/** The digits of a shape match: the date (6 or 8 digits), the serial, and whether "+" was used. */
export interface ShapeParts {
  /** "YYYYMMDD" or "YYMMDD". */
  date: string;
  serial: string;
  plus: boolean;
}

/** Reads a match of `identityShape`: separators are never digits, and "+" is allowed only before the serial. */
export function shapeParts(matched: string): ShapeParts {
  const digits = matched.replace(/\D/g, '');
  return { date: digits.slice(0, -4), serial: digits.slice(-4), plus: matched.includes('+') };
}

/**
 * Look-alikes that fold to ASCII one-for-one: full-width digits and separators (Asian input
 * methods, PDFs), Arabic-Indic digits, the ideographic space. Other scripts' digits are not
 * folded; nobody writes a Swedish number in them.
 */
export function foldToAscii(text: string): string {
  if (!/[\u0660-\u0669\u06f0-\u06f9\u3000\uff0b\uff0d-\uff0f\uff10-\uff19\uff3f]/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else if (code >= 0x0660 && code <= 0x0669) out += String.fromCharCode(code - 0x0660 + 48);
    else if (code >= 0x06f0 && code <= 0x06f9) out += String.fromCharCode(code - 0x06f0 + 48);
    else out += FOLDED[ch] ?? ch;
  }
  return out;
}

const FOLDED: Record<string, string> = { '\u3000': ' ', '\uff0b': '+', '\uff0d': '-', '\uff0e': '.', '\uff0f': '/', '\uff3f': '_' };

/*
 * Characters that take no place on screen but sit between the digits of text pasted from Word,
 * a PDF or a web page: soft hyphen, zero-width space/joiners, word joiner, byte-order mark,
 * combining grapheme joiner, Mongolian vowel separator, and the direction marks and embeddings. "170101\u00ad-2393" looks
 * exactly like "20170101-2393" and is the same number.
 */
// The combining joiner stands outside the class: inside one, a linter reads it as joined to its neighbour.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\u034f/g;

/** The text the detector reads, and for each of its code units the offset in the original. */
export interface DetectionText {
  text: string;
  /** Absent when nothing was removed: offsets are then the same. */
  origin?: Int32Array;
}

/** `foldToAscii`, then invisible characters removed, remembering where every kept unit came from. */
export function detectionText(original: string): DetectionText {
  const folded = foldToAscii(original);
  INVISIBLE.lastIndex = 0;
  if (!INVISIBLE.test(folded)) return { text: folded };
  const origin = new Int32Array(folded.length + 1);
  let text = '';
  for (let i = 0; i < folded.length; i++) {
    INVISIBLE.lastIndex = 0;
    const unit = folded[i];
    if (INVISIBLE.test(unit)) continue;
    origin[text.length] = i;
    text += unit;
  }
  origin[text.length] = folded.length;
  return { text, origin: origin.subarray(0, text.length + 1) };
}
