import { daysInMonth } from './iso-date';

/**
 * Dates as inspectors type them while reading a file: `2024-03-12`, `20240312` or `240312`.
 *
 * Two-digit years: `YY` is read as 20YY, unless that date lies after `today` — then it is 19YY
 * (a file date is never in the future: `991231` is 1999-12-31, `240312` is 2024-03-12). Only real
 * calendar dates are accepted (`20250230` is not a date).
 */
export interface TypedDate {
  /** The date as stored, `YYYY-MM-DD`. */
  iso: string;
  /**
   * True when typing more could not make it another date, so a field may move on by itself: every
   * `YYYY-MM-DD` and `YYYYMMDD`, and a `YYMMDD` whose first six digits cannot begin an eight-digit
   * date (`240312`; but `200312` could be the start of `20031215`, so it waits for Enter).
   */
  complete: boolean;
}

/** The date a typed text means, or null when it is not a real date in one of the three forms. */
export function parseTypedDate(text: string, today: Date = new Date()): TypedDate | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { iso, complete: true } : null;
  }
  m = /^(\d{2})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const [yy, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let iso = isoOf(2000 + yy, month, day);
  if (iso && iso > localIso(today)) iso = isoOf(1900 + yy, month, day);
  if (!iso) return null;
  return { iso, complete: !couldBeginLongDate(t) };
}

/** Whether six typed digits could be the first six of a `YYYYMMDD` date in 1900–2099. */
function couldBeginLongDate(sixDigits: string): boolean {
  const century = sixDigits.slice(0, 2);
  const month = Number(sixDigits.slice(4, 6));
  return (century === '19' || century === '20') && month >= 1 && month <= 12;
}

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** Today's date where the user is (not UTC: just after midnight in Sweden it is still yesterday in UTC). */
function localIso(d: Date): string {
  return `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
