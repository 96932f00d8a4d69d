/**
 * Which cells hold dates. Excel stores a date as a plain number (days since 1900) and only the
 * cell's number format says it is a date: built-in formats 14–22 and 45–47, or a custom format
 * whose code has day, month or year parts.
 */

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

export function isDateFormat(id: number, customCodes: ReadonlyMap<number, string>): boolean {
  const code = customCodes.get(id);
  if (code !== undefined) return isDateFormatCode(code);
  return BUILT_IN_DATE_FORMATS.has(id);
}

/**
 * True for a format code with date parts. Only the first section (positive numbers) counts, and
 * literal text ("kr", \d), colours and locales ([Red], [$-41D]), padding (_x, *x) and AM/PM are
 * removed first. "m" alone is a month, but beside hours or seconds it is minutes ("mm:ss").
 */
export function isDateFormatCode(code: string): boolean {
  const first = firstSection(code)
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/AM\/PM|A\/P/gi, '');
  if (/[dy]/i.test(first)) return true;
  return /m/i.test(first) && !/[hs]/i.test(first);
}

function firstSection(code: string): string {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\\') i++;
    else if (c === ';' && !quoted) return code.slice(0, i);
  }
  return code;
}

const UNIX_EPOCH_SERIAL = 25_569; // 1970-01-01 in the 1900 date system
const DATE_1904_OFFSET = 1_462;
const LAST_SERIAL = 2_958_466; // 10000-01-01: Excel's dates end with 9999

/**
 * The ISO date (YYYY-MM-DD) of a date serial, or undefined for a number no date can have. The
 * time of day is rounded to the millisecond first, as Excel shows it (exceljs did the same).
 */
export function serialToIsoDate(serial: number, date1904: boolean): string | undefined {
  const days = serial + (date1904 ? DATE_1904_OFFSET : 0);
  if (!(days >= 0 && days < LAST_SERIAL)) return undefined;
  return new Date(Math.round((days - UNIX_EPOCH_SERIAL) * 86_400_000)).toISOString().slice(0, 10);
}
