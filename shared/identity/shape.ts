/**
 * The spellings of a personal or coordination number that the case list's personnummer column
 * reads (personnummer.ts), as one grammar. The free-text detector (pii-guard.ts) refuses all of
 * these and more: it decides by how digit groups are laid out (layout.ts), and its "date" layout
 * is this grammar, so a spelling the parser reads is always one the detector refuses elsewhere.
 *
 *   date   YYYYMMDD | YYMMDD | YYYY·MM·DD | YY·MM·DD   (· one separator, the same both times)
 *   gap    optional: "-", "+", "/", ".", "_", a dash a word processor substituted, each with
 *          spaces or tabs around it, or just spaces/tabs (up to four each side)
 *   serial NNNN
 *
 * Both read the text as detection-text.ts folds it (NFKC, every script's digits, invisible
 * characters removed).
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

/** The whole shape, anchored: a cell that is one number and nothing else. */
export const IDENTITY_SHAPE = new RegExp(`^${DATE}(?:${GAP})?\\d{4}$`);

// A sign (or two) with or without spaces around it, as between the halves of "0900 - 1200".
const JOIN = `${SPACE}{0,4}${SIGN}{1,2}${SPACE}{0,4}`;
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
