import { daysInMonth } from '../util/iso-date';

export type IdentityKind = 'personnummer' | 'samordningsnummer';

/**
 * The month and day fields of an identity number, decoded. A coordination number
 * (samordningsnummer) adds 60 to the day, and when Skatteverket could not establish the birth date
 * it writes month 00 and/or day 00 (i.e. day field 60): `null` marks such an unknown part.
 */
export interface DatePart {
  kind: IdentityKind;
  month: number | null;
  day: number | null;
}

/** Decodes MM and DD (as written, 0–99); `undefined` when no identity number can have them. */
export function decodeDatePart(monthField: number, dayField: number): DatePart | undefined {
  if (monthField > 12) return undefined;
  if (dayField >= 1 && dayField <= 31) {
    // An ordinary personnummer always carries a real month and day.
    return monthField >= 1 ? { kind: 'personnummer', month: monthField, day: dayField } : undefined;
  }
  if (dayField >= 60 && dayField <= 91) {
    return { kind: 'samordningsnummer', month: monthField === 0 ? null : monthField, day: dayField === 60 ? null : dayField - 60 };
  }
  return undefined;
}

/** True when the known parts fit a real calendar date in `year` (2025-02-30 does not; 2024-02-29 does). */
export function fitsCalendar(year: number, part: DatePart): boolean {
  // Every month has 28 days: the calendar is asked only about the last few.
  if (part.day === null || part.day <= 28) return true;
  const maxDay = part.month === null ? 31 : daysInMonth(year, part.month);
  return part.day <= maxDay;
}

/** `YYYY-MM-DD`, or `undefined` when month or day is unknown (coordination numbers only). */
export function birthDateOf(year: number, part: DatePart): string | undefined {
  if (part.month === null || part.day === null) return undefined;
  return `${String(year).padStart(4, '0')}-${pad2(part.month)}-${pad2(part.day)}`;
}

/**
 * The earliest date the parts allow, as a sortable number YYYYMMDD; unknown parts count as the
 * first month/day, so a number is only "in the future" when even its earliest reading is.
 */
export function earliestDateKey(year: number, part: DatePart): number {
  return year * 10000 + (part.month ?? 1) * 100 + (part.day ?? 1);
}

const pad2 = (n: number) => String(n).padStart(2, '0');
