import { hasValidCheckDigit } from './check-digit';
import { decodeDatePart, fitsCalendar, type IdentityKind } from './date-part';
import { plainDecimal } from '../util/plain-decimal';
import { detectionText } from './detection-text';
import { forEachStretch, groupLength, joinAfter, type DigitGroups } from './digit-groups';
import { layoutOf } from './layout';
import { continuationAfter } from './shape';

/** Where a personal or coordination number sits in a text: `text.slice(start, end)`. */
export interface IdentityNumberHit {
  start: number;
  end: number;
  kind: IdentityKind;
  /** False for a mistyped number: still refused (it still points at a child), only worded differently. */
  checkDigitValid: boolean;
}

/*
 * The detector reads the text as detection-text.ts folds it (NFKC, every script's digits,
 * invisible characters out, look-alike letters inside a number), cuts it into groups of digits
 * and the joins between them (joins.ts), and tries every run of whole groups holding ten or twelve
 * digits: a candidate is one whose groups are laid out as a person writes a number (layout.ts —
 * by where the groups break, not by a list of spellings) and whose digits have a real date
 * (month 01–12, day 01–31, or 61–91 for a coordination number; a twelve-digit number from the
 * 1800s, 1900s or 2000s). Whatever that finds is refused, whatever its check digit: a mistyped
 * personnummer still identifies a child, so the check digit only decides the wording of the
 * message.
 *
 * What keeps ordinary text out: no digit may touch the match (a group is never cut) and the
 * serial may not run on into another group ("-12", "/2018"); phone numbers (08-508 252 62,
 * 070-123 45 67, 0910-12 34 56, 08-50825262, +46 8 508 252 62) and Dnr (SOF 2024/543,
 * 3.1.1-232/2018, SOF-2024-00123) break where no number breaks (layout.ts); a date alone
 * (2024-03-12, 12/3 2024) has no serial; a date with a time (14:30, 14.30, 2024-03-12T14:30:00Z,
 * 2024-03-12 14:30:00) is split by ":" or "T", has a time split by ".", or has too few digits; a
 * date range (2024-03-12–2024-06-30) runs on into the next date; organisation numbers have a
 * "month" of 20 or more; two-digit pairs or groups of four that run on past ten or twelve digits
 * (a list of counts, a card or OCR number) are a longer thing, not a number inside it.
 *
 * Known unavoidable overlaps (refused, as they should be — a false alarm costs one edit, a miss
 * publishes a child's identity): ten or twelve unbroken digits that start with a real date (a
 * mobile number such as 0701234567, an invoice or OCR number, 2403120001), the same in groups of
 * four with spaces (an invoice number "2024 0312 0001"; ten digits in fours only when they do not
 * start with 0, as every phone number does) or in five or six pairs with spaces (a mobile number
 * written the French way, 07 01 23 45 67; exactly five two-digit counts, "12 04 05 17 23"); a
 * date followed by a bare four-digit time or number ("240312-1430",
 * "2024-03-12 1430", "2024-03-12 14 30", "scan_20240312_1430"); a decimal number whose digits read
 * as a date and four decimals (170101.2393); a Dnr whose classification code is three two-digit
 * groups forming a date ("12.03.15-2321").
 */

/** Every personal or coordination number in a free text, in order of appearance. */
export function findIdentityNumbers(text: string): IdentityNumberHit[] {
  // This runs on every cell of a 100,000-row case list, and almost every text has too few digits.
  if (!mayHoldNumber(text)) return [];
  const { text: folded, start, end } = detectionText(text);
  const hits: IdentityNumberHit[] = [];
  forEachStretch(folded, (groups) => scanGroups(groups, hits, start, end));
  return hits;
}

/** The numbers among one stretch of groups, added to `hits` with their offsets in the original. */
function scanGroups(groups: DigitGroups, hits: IdentityNumberHit[], start: Int32Array | undefined, end: Int32Array | undefined): void {
  const { from, to } = groups;
  for (let i = 0; i < from.length; i++) {
    // The longest reading first, as a twelve-digit number holds a ten-digit one.
    let digits = 0;
    let ten = -1;
    let twelve = -1;
    for (let j = i; j < from.length && digits < 12; j++) {
      if (j > i && joinAfter(groups, j - 1) === null) break;
      digits += groupLength(groups, j);
      if (digits === 10) ten = j;
      else if (digits === 12) twelve = j;
    }
    if (ten < 0 && twelve < 0) continue;
    let last = twelve;
    let found = twelve >= 0 ? numberAt(groups, i, twelve) : undefined;
    if (!found && ten >= 0) {
      last = ten;
      found = numberAt(groups, i, ten);
    }
    if (!found) continue;
    hits.push({ start: start ? start[from[i]] : from[i], end: end ? end[to[last] - 1] : to[last], kind: found.kind, checkDigitValid: found.checkDigitValid });
    i = last;
  }
}

function numberDigits({ text, from, to }: DigitGroups, i: number, j: number): string {
  let digits = '';
  for (let k = i; k <= j; k++) digits += text.slice(from[k], to[k]);
  return digits;
}

/** What groups i..j (ten or twelve digits) are when they are a personal or coordination number. */
function numberAt(groups: DigitGroups, i: number, j: number): { kind: IdentityKind; checkDigitValid: boolean } | undefined {
  const { text, from, to } = groups;
  const layout = layoutOf(groups, i, j);
  if (!layout) return undefined;
  const digits = numberDigits(groups, i, j);
  const kind = identityKindOf(digits.slice(0, -4), digits.slice(-4));
  if (!kind) return undefined;
  const checkDigitValid = hasValidCheckDigit(digits.slice(-10));
  // What is joined on decides (shape.ts): a date range is never a number, a suffix counts only
  // after a number whose check digit holds. A longer group after it: a real number written
  // compactly ("20170101-2393/2018") counts; after a date written with separators
  // ("2024-03-12 0900 - 1200") it is a time, a phone number or a Dnr.
  const next = continuationAfter(text.slice(from[i], to[j]), text, to[j]);
  const counts = next === 'none' || next === 'fraction' || (next === 'suffix' && checkDigitValid) || (next === 'group' && checkDigitValid && layout.compactDate);
  if (!counts) return undefined;
  // Pairs or fours joined by spaces alone that run on with a group of the same size on either
  // side are a list of counts or a longer number (a card, OCR or account number), not a number in it.
  if (layout.kind !== 'date' && layout.spaceOnly) {
    const before = i > 0 && joinAfter(groups, i - 1)?.spaceOnly === true && groupLength(groups, i - 1) === groupLength(groups, i);
    const after = joinAfter(groups, j)?.spaceOnly === true && groupLength(groups, j + 1) === groupLength(groups, j);
    if (before || after) return undefined;
  }
  return { kind, checkDigitValid };
}

const isAsciiDigit = (code: number) => code >= 48 && code <= 57;

/**
 * False when the text cannot hold ten digits in any writing: ASCII with fewer than ten digits and
 * look-alike letters together. Anything else is read in full.
 */
function mayHoldNumber(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return true;
    const digit = code >= 48 && code <= 57;
    // O o l I may stand for 0 and 1 beside a digit.
    const lookalike = (code === 79 || code === 111 || code === 108 || code === 73) && (isAsciiDigit(text.charCodeAt(i - 1)) || isAsciiDigit(text.charCodeAt(i + 1)));
    if ((digit || lookalike) && ++digits >= 10) return true;
  }
  return false;
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
