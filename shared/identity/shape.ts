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

/** Spaces people type or paste between groups: space, tab, no-break, figure, thin, narrow no-break. */
const SPACE = '[ \\t\\u00a0\\u2007\\u2009\\u202f]';
/** Separators that may sit inside the date as well as before the serial. */
const MARK = '[-/._\\u2010-\\u2015\\u2212]';
/** Before the serial "+" also counts: Skatteverket's sign for someone who has turned 100. */
const SIGN = `(?:${MARK}|\\+)`;

// Spaces alone, or one sign with spaces around it. Written so that each input has one way to
// match (no ambiguous SPACE{0,4}…SPACE{0,4}), which keeps the scan over long texts fast.
const around = (sign: string) => `(?:${SPACE}{1,4}(?:${sign}${SPACE}{0,4})?|${sign}${SPACE}{0,4})`;
const DATE_GAP = around(MARK);
const GAP = around(SIGN);

// YYYYMMDD | YYMMDD | YYYY·MM·DD | YY·MM·DD, the separator repeated exactly.
const DATE = `(?:\\d{6}(?:\\d{2})?|\\d{2}(?:\\d{2})?(?<g>${DATE_GAP})\\d{2}\\k<g>\\d{2})`;

/** The whole shape; `unanchored` adds the digit boundaries a match inside free text needs. */
export function identityShape(mode: 'anchored' | 'unanchored'): RegExp {
  const body = `${DATE}(?:${GAP})?\\d{4}`;
  if (mode === 'anchored') return new RegExp(`^${body}$`);
  // No digit may touch either end, and the serial may not run on into another group
  // ("2024-03-12–2024-06-30", "2024-03-12 0480-12 34 56", "…-2321/2018"): those are the
  // next date, phone number or Dnr, not a serial.
  return new RegExp(`(?<!\\d)${body}(?!\\d)(?!${SIGN}\\d)`, 'g');
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
