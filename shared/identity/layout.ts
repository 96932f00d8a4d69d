import { groupLength, joinAfter, type DigitGroups } from './digit-groups';
import type { Join } from './joins';

/*
 * Whether groups of digits, joined as joins.ts reads them, are laid out the way a person writes a
 * personal or coordination number — decided by where the groups break, not by a list of spellings.
 *
 * Ten digits are YY MM DD NNNN, twelve CC YY MM DD NNNN. A break between two groups may only fall
 * between two of those pairs, and each place has a role:
 *
 *   ten:     YY | MM | DD | NN | NN          twelve:  CC | YY | MM | DD | NN | NN
 *              date date gap  pair                     century  date date gap  pair
 *
 * A date-shaped layout ("written as a date"):
 * - the date is either unbroken or broken at both of its places with the same join (one sign at
 *   most, no "+", no bracket): "170101", "17 01 01", "2017-01-01", "17.01.01". A date broken at one
 *   place only ("0910-12…", "08-12…") is not one: that is how an area code is written;
 * - the century stands apart only when the date is broken the same way ("20 17 01 01");
 * - the gap before the serial takes any join: "-", "+" (Skatteverket's sign at 100), a dash, "/",
 *   ".", "_", a doubled sign, spaces, a bracket ("(170101)-2393"), a line break with its hyphen;
 * - the serial may be split in two pairs by spaces, after a gap ("17 01 01-23 93").
 * Or in groups of four from the left, joined by spaces only ("2017 0101 2393", "1701 012393",
 * "1701 0123 93"; before the serial of a twelve-digit number any join: "2017 0101-2393").
 *
 * Everything else is something else, and these are what keep ordinary numbers out:
 * - a break inside a pair: phone numbers as the standard writes them (070-123 45 67,
 *   08-123 456 78, 031-12 34 56), amounts (1 234 567), ISBN, IP addresses, Dnr (3.1.1-232/2018);
 * - a date broken at one place: phone numbers with a four-digit area code or mobile prefix in
 *   pairs (0910-12 34 56, 0701-23 45 67), the Stockholm number unbroken after its area code
 *   (08-50825262, 08-1234 5678);
 * - a serial split by anything but spaces: a time after a date (2024-03-12 14.30);
 * - a ten-digit number in groups of four that starts with 0: a phone number (0701 234567,
 *   0910 123456) — a personnummer of someone born 2000–2009 written that way is not recognised;
 *   written any date-shaped way (or unbroken) it is;
 * - groups of four joined by a sign (0701-234567, 2024-0312-0001).
 * Two-digit pairs and groups of four are also how lists of counts and card, OCR or account numbers
 * are written, so pii-guard.ts refuses those layouts only when the same grouping does not run on
 * past the number on either side.
 */

/** How a window of groups is laid out, when it reads as a number. */
export interface Layout {
  /** `date`: the spellings of shape.ts (the case list's grammar); `pairs`: the serial split or the century apart; `fours`: groups of four. */
  kind: 'date' | 'pairs' | 'fours';
  /** The date's digits stand together at the start ("20170101-…", "170101 2393"). */
  compactDate: boolean;
  /** Every join inside is spaces alone. */
  spaceOnly: boolean;
}

type Role = 'century' | 'date' | 'gap' | 'pair';
const ROLES: Record<10 | 12, Partial<Record<number, Role>>> = {
  10: { 2: 'date', 4: 'date', 6: 'gap', 8: 'pair' },
  12: { 2: 'century', 4: 'date', 6: 'date', 8: 'gap', 10: 'pair' },
};

/** A join that may stand inside a date: one sign at most, no "+", no bracket. */
const insideDate = (join: Join) => !join.bracket && join.signs.length <= 1 && join.signs !== '+';

/** The layout of groups i..j (10 or 12 digits in all, each joined to the next); null when it is not how a number is written. */
export function layoutOf(groups: DigitGroups, i: number, j: number): Layout | null {
  let total = 0;
  for (let k = i; k <= j; k++) total += groupLength(groups, k);
  if (total !== 10 && total !== 12) return null;
  const roles = ROLES[total as 10 | 12];
  const compactDate = groupLength(groups, i) >= total - 4;
  let date1: Join | undefined;
  let date2: Join | undefined;
  let century: Join | undefined;
  let gap: Join | undefined;
  let pair: Join | undefined;
  let spaceOnly = true;
  // Groups of four from the left: spaces only, but any join before a twelve-digit number's serial.
  let fours = !(total === 10 && groups.text[groups.from[i]] === '0');
  let at = 0;
  for (let k = i; k < j; k++) {
    at += groupLength(groups, k);
    const role = roles[at];
    const join = joinAfter(groups, k);
    if (!role || !join) return null;
    spaceOnly &&= join.spaceOnly;
    fours &&= (at === 4 || at === 8) && (join.spaceOnly || role === 'gap');
    if (role === 'date') {
      if (date1) date2 = join;
      else date1 = join;
    } else if (role === 'century') century = join;
    else if (role === 'gap') gap = join;
    else pair = join;
  }

  const date = !date1 || (date2 !== undefined && insideDate(date1) && date1.key === date2.key);
  const centuryApart = !century || (date2 !== undefined && insideDate(century) && century.key === date1!.key);
  const serial = !pair || (gap !== undefined && pair.spaceOnly);
  if (date && centuryApart && serial) return { kind: century || pair ? 'pairs' : 'date', compactDate, spaceOnly };
  return fours ? { kind: 'fours', compactDate, spaceOnly } : null;
}
