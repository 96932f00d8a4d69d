import { hasValidCheckDigit } from './check-digit';
import { decodeDatePart, fitsCalendar, type IdentityKind } from './date-part';
import { plainDecimal } from '../util/plain-decimal';
import { continuationAfter, detectionText, identityShape, shapeParts } from './shape';

/** Where a personal or coordination number sits in a text: `text.slice(start, end)`. */
export interface IdentityNumberHit {
  start: number;
  end: number;
  kind: IdentityKind;
  /** False for a mistyped number: still refused (it still points at a child), only worded differently. */
  checkDigitValid: boolean;
}

/*
 * A candidate is a date (YYYYMMDD, YYMMDD, or either with one separator repeated inside it), an
 * optional separator, and four digits — the spellings of shape.ts: "-", "+", "/", ".", "_",
 * dashes, spaces, tabs, several spaces, full-width digits. Whatever has that shape and a real date
 * (month 01–12, day 01–31, or 61–91 for a coordination number; a twelve-digit number from the
 * 1800s, 1900s or 2000s) is refused, whatever its check digit: a mistyped personnummer still
 * identifies a child, so the check digit only decides the wording of the message.
 *
 * What keeps ordinary text out: no digit may touch the match and the serial may not run on into
 * another group ("-12", "/2018"); phone numbers (08-508 252 62, 070-123 45 67, 08-50825262) and
 * Dnr (SOF 2024/543, 3.1.1-232/2018, SOF-2024-00123) have no 6+4 or 8+4 shape with a date in it;
 * a date alone (2024-03-12, 12/3 2024) has no serial; a date with a time (14:30, 14.30,
 * 2024-03-12T14:30:00Z, 2024-03-12 14:30:00) is split by ":" or "T" or has too few digits; a
 * date range (2024-03-12–2024-06-30) runs on into the next date; organisation numbers have a
 * "month" of 20 or more.
 *
 * Known unavoidable overlaps (refused, as they should be — a false alarm costs one edit, a miss
 * publishes a child's identity): ten or twelve unbroken digits that start with a real date (a
 * mobile number such as 0701234567, an invoice or OCR number, 2403120001); a date followed by a
 * bare four-digit time or number ("240312-1430", "2024-03-12 1430", "scan_20240312_1430");
 * a decimal number whose digits read as a date and four decimals (170101.2393); a Dnr whose
 * classification code is three two-digit groups forming a date ("12.03.15-2321").
 */
const CANDIDATE = identityShape('unanchored');

/** Every personal or coordination number in a free text, in order of appearance. */
export function findIdentityNumbers(text: string): IdentityNumberHit[] {
  const hits: IdentityNumberHit[] = [];
  const { text: folded, origin } = detectionText(text);
  // exec on the one compiled pattern, not matchAll (which clones it per call): this runs on every
  // cell of a 100,000-row case list, and almost every text has no candidate at all.
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(folded); match !== null; match = CANDIDATE.exec(folded)) {
    const { date, serial } = shapeParts(match[0]);
    const end = match.index + match[0].length;
    const kind = identityKindOf(date, serial);
    const checkDigitValid = hasValidCheckDigit(date.slice(-6) + serial);
    // What is joined on decides (shape.ts): a date range is never a number, a suffix counts only
    // after a number whose check digit holds.
    const next = kind ? continuationAfter(match[0], folded, end) : 'none';
    // A longer group after it: a real number written compactly ("20170101-2393/2018") counts;
    // after a date written with separators ("2024-03-12 0900 - 1200") it is a time, a phone number
    // or a Dnr.
    const compactDate = match[0].startsWith(date);
    const counts = next === 'none' || next === 'fraction' || (next === 'suffix' && checkDigitValid) || (next === 'group' && checkDigitValid && compactDate);
    if (kind && counts) {
      hits.push({ start: origin ? origin[match.index] : match.index, end: origin ? origin[end - 1] + 1 : end, kind, checkDigitValid });
    }
    // Not a number after all: one may still start after a separator inside what was matched.
    else CANDIDATE.lastIndex = match.index + 1;
  }
  return hits;
}

/** The kind of number the digits form, or undefined when the date rules it out. */
function identityKindOf(datePart: string, serial: string): IdentityKind | undefined {
  const tenDigits = datePart.slice(-6) + serial;
  const part = decodeDatePart(Number(tenDigits.slice(2, 4)), Number(tenDigits.slice(4, 6)));
  if (!part) return undefined;
  let year: number;
  if (datePart.length === 8) {
    // Plausible birth centuries only: a twelve-digit run starting 17… or 21… is something else.
    const century = datePart.slice(0, 2);
    if (century !== '18' && century !== '19' && century !== '20') return undefined;
    year = Number(datePart.slice(0, 4));
  } else {
    // Without a century, 20YY is a leap year exactly when some century makes 29 February real.
    year = 2000 + Number(tenDigits.slice(0, 2));
  }
  return fitsCalendar(year, part) ? part.kind : undefined;
}

/**
 * A number carries an identity number when its plain decimal form does (201701012393,
 * 20170101.2393) or its whole part does (201701012393.5): stored numbers are written out as
 * plain decimals, so this is exactly what would reach the database and the exports.
 */
export function findIdentityNumbersInNumber(value: number): IdentityNumberHit[] {
  if (!Number.isFinite(value)) return [];
  const plain = plainDecimal(value);
  const hits = findIdentityNumbers(plain);
  return hits.length > 0 ? hits : findIdentityNumbers(plain.split('.')[0]);
}

/**
 * The Swedish message that blocks a save, or null when there is nothing to block. It never
 * repeats the number (the message may be logged or shown to someone looking over a shoulder);
 * the hits' positions let the UI mark the place instead.
 */
export function piiGuardMessage(hits: readonly IdentityNumberHit[], subject: 'text' | 'number' = 'text'): string | null {
  if (hits.length === 0) return null;
  const advice = 'Personnummer och samordningsnummer får inte sparas i granskningen.';
  if (hits.length === 1) {
    const what = hits[0].kind === 'samordningsnummer' ? 'ett samordningsnummer' : 'ett personnummer';
    const mistyped = hits[0].checkDigitValid ? '' : ' (kontrollsiffran stämmer inte, men även ett felskrivet nummer kan peka ut en person)';
    if (subject === 'number') return `Talet ser ut som ${what}${mistyped}. Ange ett annat tal. ${advice}`;
    return `Texten innehåller något som ser ut som ${what}${mistyped}. Ta bort det innan du sparar. ${advice}`;
  }
  return `Texten innehåller ${hits.length} uppgifter som ser ut som personnummer eller samordningsnummer. Ta bort dem innan du sparar. ${advice}`;
}

/** The message for a text, or null: the one call every guard makes. */
export const identityNumberMessage = (text: string): string | null => piiGuardMessage(findIdentityNumbers(text));
