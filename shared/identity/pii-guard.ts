import { hasValidCheckDigit } from './check-digit';
import { decodeDatePart, fitsCalendar, type IdentityKind } from './date-part';

/** Where a personal or coordination number sits in a text: `text.slice(start, end)`. */
export interface IdentityNumberHit {
  start: number;
  end: number;
  kind: IdentityKind;
}

/*
 * A candidate is 6 or 8 digits (YYMMDD / YYYYMMDD), an optional separator, and 4 digits, with no
 * digit directly before or after — so 10 or 12 digits that belong to a longer run of digits are
 * never read as a number. Separators: "-", "+", a hyphen-like character a word processor may have
 * substituted (en dash, minus sign, …), any of these with a space on either side, or a single
 * (non-breaking) space alone. The space is accepted on
 * purpose: "YYMMDD NNNN" is still somebody's number, and a false alarm costs the user one edit
 * while a miss publishes a child's identity.
 *
 * What keeps ordinary text out: phone numbers (08-50825262, 070-123 45 67) and Dnr
 * (SOF 2024/543, 3.1.1-232/2018) never have the 6+4 or 8+4 digit shape; ISO dates (2024-03-12)
 * and case references (AKT-2024-0012) split their digits into short groups; organisation numbers
 * have a "month" of 20 or more; and whatever has the shape must also carry a real date and the
 * right check digit (only one in ten digit strings with a real date passes the check).
 *
 * Known unavoidable overlaps (flagged, as they should be): a mobile number written as ten
 * unbroken digits ("0701234567") or a compact date-time ("240312-1430") that happens to pass
 * the check digit is indistinguishable from the number of someone born that day.
 */
const SPACE = '[ \\u00a0\\u202f]';
const SIGN = '[-+\\u2010-\\u2015\\u2212]';
const CANDIDATE = new RegExp(`(?<!\\d)(\\d{8}|\\d{6})(?:${SPACE}?${SIGN}${SPACE}?|${SPACE})?(\\d{4})(?!\\d)`, 'g');

/** Every valid personnummer or samordningsnummer in a free text, in order of appearance. */
export function findIdentityNumbers(text: string): IdentityNumberHit[] {
  const hits: IdentityNumberHit[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const kind = identityKindOf(match[1], match[2]);
    if (kind) hits.push({ start: match.index, end: match.index + match[0].length, kind });
  }
  return hits;
}

/** The kind of number the digits form, or undefined when the date or the check digit rules it out. */
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
  if (!fitsCalendar(year, part) || !hasValidCheckDigit(tenDigits)) return undefined;
  return part.kind;
}

/**
 * The Swedish message that blocks a save, or null when there is nothing to block. It never
 * repeats the number (the message may be logged or shown to someone looking over a shoulder);
 * the hits' positions let the UI mark the place instead.
 */
export function piiGuardMessage(hits: readonly IdentityNumberHit[]): string | null {
  if (hits.length === 0) return null;
  const advice = 'Personnummer och samordningsnummer får inte sparas i granskningen.';
  if (hits.length === 1) {
    const what = hits[0].kind === 'samordningsnummer' ? 'ett samordningsnummer' : 'ett personnummer';
    return `Texten innehåller något som ser ut som ${what}. Ta bort det innan du sparar. ${advice}`;
  }
  return `Texten innehåller ${hits.length} uppgifter som ser ut som personnummer eller samordningsnummer. Ta bort dem innan du sparar. ${advice}`;
}
