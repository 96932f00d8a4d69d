import { describe, expect, it } from 'vitest';
import { identityCheckDigit } from '../../shared/identity/check-digit';
import { birthDateOf, decodeDatePart, fitsCalendar } from '../../shared/identity/date-part';
import { IDENTITY_REASONS, parseIdentityNumber } from '../../shared/identity/personnummer';

/*
 * Only Skatteverket's published test numbers appear here (DOMAIN.md §4). Every other number is
 * built at run time from them or from digits that cannot be a real person's: a wrong check digit,
 * or a date that does not exist.
 */
const BOY = '20170101-2393';
const GIRL = '20190408-2383';
const WOMAN_OVER_100 = '18900101-9802';
const COORDINATION_MAN = '19140168-2396';
const COORDINATION_TEN = '701063-2391';

const REF = '2026-11-23';
/** The ten-digit form of a twelve-digit test number: the same number without its century. */
const tenDigit = (twelve: string) => twelve.slice(2);
/** Full-width digits (U+FF10–FF19) and hyphen, as an Asian input method or a PDF gives them. */
const toFullWidth = (s: string) => s.replace(/[0-9-]/g, (c) => (c === '-' ? '\uff0d' : String.fromCharCode(0xff10 + Number(c))));
/** The same number with every possible wrong check digit. */
const wrongCheckDigits = (n: string) =>
  [...'0123456789'].filter((d) => d !== n.at(-1)).map((d) => n.slice(0, -1) + d);
/** Nine digits plus a check digit that is deliberately wrong. */
const withWrongCheckDigit = (nine: string) => nine + ((identityCheckDigit(nine) + 5) % 10);
/** Nine digits plus their correct check digit — only used with dates that do not exist. */
const withCheckDigit = (nine: string) => nine + identityCheckDigit(nine);

describe('identityCheckDigit', () => {
  it('reproduces the check digit of every published test number (over the ten-digit form)', () => {
    for (const n of [BOY, GIRL, WOMAN_OVER_100, COORDINATION_MAN]) {
      const ten = tenDigit(n).replace('-', '');
      expect(identityCheckDigit(ten.slice(0, 9))).toBe(Number(ten[9]));
    }
    expect(identityCheckDigit('701063239')).toBe(1);
  });
});

describe('parseIdentityNumber — Skatteverket test numbers', () => {
  it.each([
    [BOY, 'personnummer', 'M', '2017-01-01'],
    [GIRL, 'personnummer', 'F', '2019-04-08'],
    [WOMAN_OVER_100, 'personnummer', 'F', '1890-01-01'],
    [COORDINATION_MAN, 'samordningsnummer', 'M', '1914-01-08'],
    [COORDINATION_TEN, 'samordningsnummer', 'M', '1970-10-03'],
  ])('%s → %s, %s, born %s', (number, kind, sex, birthDate) => {
    expect(parseIdentityNumber(number, REF)).toEqual({ ok: true, kind, sex, birthDate });
  });

  it('never returns the number itself, in any field', () => {
    for (const n of [BOY, WOMAN_OVER_100, COORDINATION_TEN]) {
      const serialised = JSON.stringify(parseIdentityNumber(n, REF));
      expect(serialised).not.toContain(n.replace('-', '').slice(-4));
    }
    const failed = JSON.stringify(parseIdentityNumber(wrongCheckDigits(BOY)[0], REF));
    expect(failed).not.toMatch(/\d{4}/);
  });
});

describe('parseIdentityNumber — accepted forms', () => {
  const boy = { ok: true, kind: 'personnummer', sex: 'M', birthDate: '2017-01-01' };
  it.each([
    ['YYYYMMDD-NNNC', BOY],
    ['YYYYMMDDNNNC', BOY.replace('-', '')],
    ['YYMMDD-NNNC', tenDigit(BOY)],
    ['YYMMDDNNNC', tenDigit(BOY).replace('-', '')],
    ['surrounding spaces and tabs', `  \t${BOY} `],
    ['a non-breaking space around it', `\u00a0${tenDigit(BOY)}\u00a0`],
    ['an en dash from a word processor', BOY.replace('-', '\u2013')],
    // The spellings people type into the personnummer column (shape.ts), read like the canonical form.
    ['a space inside', BOY.replace('-', ' ')],
    ['several spaces', BOY.replace('-', '   ')],
    ['a tab', tenDigit(BOY).replace('-', '\t')],
    ['a slash', BOY.replace('-', '/')],
    ['a dot', tenDigit(BOY).replace('-', '.')],
    ['an underscore', BOY.replace('-', '_')],
    ['a dash with spaces around it', BOY.replace('-', ' - ')],
    ['ISO-date style YYYY-MM-DD-NNNC', '2017-01-01-2393'],
    ['YYYY.MM.DD NNNC', '2017.01.01 2393'],
    ['YY-MM-DD-NNNC', '17-01-01-2393'],
    ['YY MM DD NNNC', '17 01 01 2393'],
    ['full-width digits', toFullWidth(BOY)],
    ['a doubled separator, a typing slip', tenDigit(BOY).replace('-', '--')],
    ['a soft hyphen pasted from Word', BOY.replace('-', '\u00ad-')],
    ['a zero-width space pasted from a web page', BOY.replace('-', '\u200b')],
  ])('%s', (_form, input) => {
    expect(parseIdentityNumber(input, REF)).toEqual(boy);
  });

  it.each([
    ['empty', ''],
    ['letters', 'inget nummer'],
    ['eleven digits', BOY.slice(0, -1)],
    ['thirteen digits', BOY + '0'],
    ['seven + four digits', BOY.slice(1)],
    ['different separators inside the date', '2017-01.01-2393'],
    ['a separator inside the serial', '20170101-239 3'],
    ['a plus in the twelve-digit form', BOY.replace('-', '+')],
    ['a trailing letter', BOY + 'A'],
  ])('rejects %s as wrong format', (_what, input) => {
    expect(parseIdentityNumber(input, REF)).toEqual({ ok: false, code: 'format', reason: IDENTITY_REASONS.format });
  });
});

describe('parseIdentityNumber — the spellings keep their meaning', () => {
  it('a "+" in a separated ten-digit form still means 100 or older', () => {
    expect(parseIdentityNumber('90-01-01+9802', REF)).toMatchObject({ ok: true, birthDate: '1890-01-01' });
    expect(parseIdentityNumber('90 01 01 9802', REF)).toMatchObject({ ok: true, birthDate: '1990-01-01' });
  });

  it('a "+" in a separated twelve-digit form is a format error', () => {
    expect(parseIdentityNumber('1890-01-01+9802', REF)).toMatchObject({ ok: false, code: 'format' });
  });

  it('a mistyped check digit in a new spelling is still named as such', () => {
    expect(parseIdentityNumber('2017-01-01-2394', REF)).toMatchObject({ ok: false, code: 'check-digit' });
  });
});

describe('parseIdentityNumber — near misses', () => {
  it.each([BOY, GIRL, WOMAN_OVER_100, COORDINATION_MAN, COORDINATION_TEN])('%s with any other check digit is rejected', (n) => {
    for (const miss of wrongCheckDigits(n)) {
      expect(parseIdentityNumber(miss, REF)).toMatchObject({ ok: false, code: 'check-digit' });
    }
  });

  it.each([
    ['30 February', '250230123'],
    ['29 February in a common year (twelve digits)', '230229123'],
    ['31 April', '190431123'],
    ['month 13', '191301123'],
    ['day 32', '190132123'],
    ['day 00 in a personnummer', '190400123'],
    ['month 00 in a personnummer', '190008123'],
    ['day 59 (neither kind)', '190459123'],
    ['coordination day 92 (day 32)', '190192123'],
    ['coordination 30 February (day 90)', '190290123'],
  ])('rejects %s as an impossible date even with a correct check digit', (_what, nine) => {
    expect(parseIdentityNumber('20' + withCheckDigit(nine), REF)).toEqual({ ok: false, code: 'date', reason: IDENTITY_REASONS.date });
    expect(parseIdentityNumber(withCheckDigit(nine), REF)).toMatchObject({ ok: false, code: 'date' });
  });

  it('checks the date before the check digit, so a wrong digit on a real date says "check digit"', () => {
    // 29 February 2000 exists, 29 February 2023 does not.
    expect(parseIdentityNumber('20' + withWrongCheckDigit('000229123'), REF)).toMatchObject({ code: 'check-digit' });
    expect(parseIdentityNumber('20' + withWrongCheckDigit('230229123'), REF)).toMatchObject({ code: 'date' });
  });

  it('accepts the coordination-number month 00 and day 00 (day field 60) up to the check digit', () => {
    expect(parseIdentityNumber(withWrongCheckDigit('700063123'), REF)).toMatchObject({ code: 'check-digit' });
    expect(parseIdentityNumber(withWrongCheckDigit('701060123'), REF)).toMatchObject({ code: 'check-digit' });
    expect(parseIdentityNumber(withWrongCheckDigit('700060123'), REF)).toMatchObject({ code: 'check-digit' });
    // The same month 00 on an ordinary personnummer is no date at all.
    expect(parseIdentityNumber(withWrongCheckDigit('700003123'), REF)).toMatchObject({ code: 'date' });
  });

  it('gives Swedish reasons that name the problem', () => {
    expect(IDENTITY_REASONS.format).toMatch(/Fel format/);
    expect(IDENTITY_REASONS.date).toMatch(/Datumet .* finns inte/);
    expect(IDENTITY_REASONS['check-digit']).toMatch(/Kontrollsiffran/);
    expect(IDENTITY_REASONS.future).toMatch(/framtiden/);
  });
});

describe('parseIdentityNumber — century of the ten-digit forms', () => {
  it('"-" means the person turns at most 99 in the reference year', () => {
    expect(parseIdentityNumber(tenDigit(BOY), '2026-11-23')).toMatchObject({ birthDate: '2017-01-01' });
    // Read in 2016, the same ten digits cannot be a child born in 2017: they are someone born in 1917.
    expect(parseIdentityNumber(tenDigit(BOY), '2016-06-01')).toMatchObject({ ok: true, birthDate: '1917-01-01' });
    expect(parseIdentityNumber(tenDigit(WOMAN_OVER_100), REF)).toMatchObject({ ok: true, birthDate: '1990-01-01' });
  });

  it('"+" means the person turns 100 or more in the reference year', () => {
    const plus = (n: string) => tenDigit(n).replace('-', '+');
    expect(parseIdentityNumber(plus(WOMAN_OVER_100), REF)).toEqual({ ok: true, kind: 'personnummer', sex: 'F', birthDate: '1890-01-01' });
    expect(parseIdentityNumber(plus(BOY), REF)).toMatchObject({ ok: true, birthDate: '1917-01-01' });
    expect(parseIdentityNumber(plus(COORDINATION_MAN), REF)).toMatchObject({ ok: true, kind: 'samordningsnummer', birthDate: '1914-01-08' });
  });

  it('switches at the start of the year of the 100th birthday, not on the birthday', () => {
    // Born 1970-10-03: from 1 January 2070 the number is written with "+".
    const plus = COORDINATION_TEN.replace('-', '+');
    expect(parseIdentityNumber(plus, '2070-01-15')).toMatchObject({ ok: true, birthDate: '1970-10-03' });
    expect(parseIdentityNumber(plus, '2069-12-31')).toMatchObject({ ok: true, birthDate: '1870-10-03' });
    // Written with "-" in 2070 it can only mean a birth later that year: not possible yet.
    expect(parseIdentityNumber(COORDINATION_TEN, '2070-01-15')).toEqual({ ok: false, code: 'future', reason: IDENTITY_REASONS.future });
  });

  it('rejects a twelve-digit birth date after the reference date, and accepts the day itself', () => {
    expect(parseIdentityNumber(GIRL, '2019-04-07')).toMatchObject({ ok: false, code: 'future' });
    expect(parseIdentityNumber(GIRL, '2019-04-08')).toMatchObject({ ok: true, birthDate: '2019-04-08' });
  });

  it('rejects a twelve-digit year further back than the ten-digit forms can reach (199 years)', () => {
    expect(parseIdentityNumber(WOMAN_OVER_100, '2089-12-31')).toMatchObject({ ok: true });
    expect(parseIdentityNumber(WOMAN_OVER_100, '2090-01-01')).toMatchObject({ ok: false, code: 'date' });
  });

  it('29 February of a ten-digit number depends on the century it resolves to', () => {
    // YY = 00: 2000 is a leap year, 1900 is not. Wrong check digit, so the verdict shows how far the date got.
    const leapDay = withWrongCheckDigit('000229123');
    expect(parseIdentityNumber(leapDay, REF)).toMatchObject({ code: 'check-digit' });
    expect(parseIdentityNumber(leapDay.replace(/^(\d{6})/, '$1+'), REF)).toMatchObject({ code: 'date' });
  });

  it('refuses an invalid reference date instead of guessing', () => {
    expect(() => parseIdentityNumber(BOY, '2025-02-30')).toThrow(RangeError);
  });

  it('defaults the reference date to today', () => {
    expect(parseIdentityNumber(BOY)).toMatchObject({ ok: true, birthDate: '2017-01-01' });
  });
});

describe('date parts of identity numbers', () => {
  it('decodes ordinary and coordination days', () => {
    expect(decodeDatePart(1, 1)).toEqual({ kind: 'personnummer', month: 1, day: 1 });
    expect(decodeDatePart(10, 63)).toEqual({ kind: 'samordningsnummer', month: 10, day: 3 });
    expect(decodeDatePart(12, 91)).toEqual({ kind: 'samordningsnummer', month: 12, day: 31 });
  });

  it('marks an unknown month (00) or day (field 60) of a coordination number as null, with no birth date', () => {
    const monthUnknown = decodeDatePart(0, 63)!;
    const dayUnknown = decodeDatePart(10, 60)!;
    const bothUnknown = decodeDatePart(0, 60)!;
    expect(monthUnknown).toEqual({ kind: 'samordningsnummer', month: null, day: 3 });
    expect(dayUnknown).toEqual({ kind: 'samordningsnummer', month: 10, day: null });
    expect(bothUnknown).toEqual({ kind: 'samordningsnummer', month: null, day: null });
    for (const part of [monthUnknown, dayUnknown, bothUnknown]) expect(birthDateOf(1970, part)).toBeUndefined();
    expect(birthDateOf(1970, decodeDatePart(10, 63)!)).toBe('1970-10-03');
  });

  it('rejects fields no number can have', () => {
    for (const [m, d] of [[13, 1], [0, 1], [1, 0], [1, 32], [1, 59], [1, 92], [99, 99]]) expect(decodeDatePart(m, d)).toBeUndefined();
  });

  it('checks the day against the real calendar of the year', () => {
    expect(fitsCalendar(2024, decodeDatePart(2, 29)!)).toBe(true);
    expect(fitsCalendar(2025, decodeDatePart(2, 29)!)).toBe(false);
    expect(fitsCalendar(1900, decodeDatePart(2, 89)!)).toBe(false);
    expect(fitsCalendar(2025, decodeDatePart(0, 91)!)).toBe(true); // month unknown: any day up to 31
  });
});
