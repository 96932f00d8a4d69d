import { isValidIsoDate } from '../util/iso-date';
import { hasValidCheckDigit } from './check-digit';
import { birthDateOf, decodeDatePart, earliestDateKey, fitsCalendar, type IdentityKind } from './date-part';
import { detectionText } from './detection-text';
import { IDENTITY_SHAPE, shapeParts } from './shape';

export { ageAt, ageBand, AGE_BANDS, type AgeBand, type TargetGroup } from './age';
export type { IdentityKind } from './date-part';

/** Legal sex from the number: the second-to-last digit is odd for men and boys, even for women and girls. */
export type LegalSex = 'F' | 'M';

export type IdentityFailure = 'format' | 'date' | 'check-digit' | 'future';

/**
 * What a personal identity number tells us — and deliberately nothing more: the number itself is
 * never part of the result, so code that keeps the result cannot keep the number by accident.
 * `birthDate` is undefined for a coordination number whose month or day Skatteverket left as 00.
 */
export type IdentityParseResult =
  | { ok: true; kind: IdentityKind; sex: LegalSex; birthDate: string | undefined }
  | { ok: false; code: IdentityFailure; reason: string };

/** Swedish reasons; none repeats the number, since they end up in import reports and logs. */
export const IDENTITY_REASONS: Record<IdentityFailure, string> = {
  format: 'Fel format på personnumret. Skriv det som ÅÅMMDD-NNNN, ÅÅMMDD+NNNN, ÅÅMMDDNNNN, ÅÅÅÅMMDD-NNNN eller ÅÅÅÅ-MM-DD-NNNN.',
  date: 'Datumet i personnumret finns inte (till exempel 30 februari) eller kan inte vara ett födelsedatum.',
  'check-digit': 'Kontrollsiffran (sista siffran) i personnumret stämmer inte – numret är felskrivet.',
  future: 'Födelsedatumet i personnumret ligger i framtiden.',
};

// Spellings the free-text guard refuses everywhere else (shape.ts), read whole.
const FORMAT = IDENTITY_SHAPE;

/**
 * Validates a personnummer or samordningsnummer and returns the kind, legal sex and birth date.
 *
 * Accepted: `YYMMDD-NNNC`, `YYMMDD+NNNC`, `YYMMDDNNNC`, `YYYYMMDDNNNC`, `YYYYMMDD-NNNC`, and the
 * other spellings people type (shape.ts): "/", ".", "_", dashes, spaces or tabs as separator,
 * `YYYY-MM-DD-NNNC`, `YY MM DD NNNC`, with surrounding white space; the digits may be written in any
 * form the detector folds (full-width, mathematical, other scripts, "O" for 0 inside the number:
 * detection-text.ts). The ten-digit forms carry no century: any separator but "+" (or none) means the person turns at
 * most 99 in the year of `referenceDate`, "+" that they turn 100 or more that year — the sign changes at the start of the year of the 100th birthday (Skatteverket's rule).
 *
 * `referenceDate` (`YYYY-MM-DD`) is the day the number is read, by default today. Pass today (or
 * the date the list was exported), not a review's historical reference date for ages: the `+`
 * was written relative to when the list was made.
 */
export function parseIdentityNumber(raw: string, referenceDate: string = localToday()): IdentityParseResult {
  if (!isValidIsoDate(referenceDate)) throw new RangeError('Ogiltigt referensdatum (ska vara ÅÅÅÅ-MM-DD).');
  const refYear = Number(referenceDate.slice(0, 4));
  const refKey = Number(referenceDate.replaceAll('-', ''));

  const match = typeof raw === 'string' ? FORMAT.exec(detectionText(raw).text.trim()) : null;
  if (!match) return failure('format');
  const { date: datePart, serial, plus } = shapeParts(match[0]);
  // Twelve-digit numbers state the century, so a "+" there contradicts or repeats it: not a form Skatteverket uses.
  if (datePart.length === 8 && plus) return failure('format');

  const tenDigits = datePart.slice(-6) + serial;
  const part = decodeDatePart(Number(tenDigits.slice(2, 4)), Number(tenDigits.slice(4, 6)));
  if (!part) return failure('date');

  let year: number;
  if (datePart.length === 8) {
    year = Number(datePart.slice(0, 4));
    // The ten-digit forms reach 199 years back; a twelve-digit number claiming more is not a person.
    if (refYear - year > 199) return failure('date');
  } else {
    const yy = Number(tenDigits.slice(0, 2));
    year = refYear - (((refYear - yy) % 100) + 100) % 100; // latest year ≤ refYear ending in YY
    if (plus) year -= 100;
  }
  if (!fitsCalendar(year, part)) return failure('date');
  if (!hasValidCheckDigit(tenDigits)) return failure('check-digit');
  if (earliestDateKey(year, part) > refKey) return failure('future');

  return { ok: true, kind: part.kind, sex: Number(tenDigits[8]) % 2 === 1 ? 'M' : 'F', birthDate: birthDateOf(year, part) };
}

const failure = (code: IdentityFailure): IdentityParseResult => ({ ok: false, code, reason: IDENTITY_REASONS[code] });

/** Today's date in local time: a Swedish user's "today" is not UTC's around midnight. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
