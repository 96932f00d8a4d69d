import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityCheckDigit } from '../../shared/identity/check-digit';
import { parseIdentityNumber } from '../../shared/identity/personnummer';
import { findIdentityNumbers } from '../../shared/identity/pii-guard';
import { REDACTED, redactIdentityNumbers } from '../../shared/identity/redact';
import { daysInMonth } from '../../shared/util/iso-date';
import { DATE_SEPARATORS, GAPS, spell, TEST_NUMBERS, type Spelling } from '../support/identity-spellings';

/*
 * Both directions of the detector, as properties: a personnummer-shaped string in any spelling
 * people type is always found (and redacted), and phone numbers, Dnr, dates, times and timestamps
 * never are. Positive cases use Skatteverket's published test numbers, or generated dates with a
 * deliberately WRONG check digit — never a number that could be a real person's.
 */

const RUNS = 3000;
const REF = '2026-11-23';

const spelling: fc.Arbitrary<Spelling> = fc.record({
  century: fc.boolean(),
  dateSeparator: fc.constantFrom(...DATE_SEPARATORS),
  gap: fc.constantFrom(...GAPS),
  fullWidth: fc.boolean(),
});

/** Text around the number: anything at all, minus digits of any script (a digit touching the number makes it another number). */
const noDigits = (s: string) => s.replace(/\p{Nd}/gu, 'x');
const surrounding = fc.string({ unit: 'grapheme', maxLength: 30 }).map(noDigits);

/** Twelve digits YYYYMMDDNNNC with a real date (or a coordination day) and a wrong check digit. */
const mistypedNumber = fc
  .record({
    year: fc.integer({ min: 1800, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayIndex: fc.nat(),
    coordination: fc.boolean(),
    serial: fc.integer({ min: 0, max: 999 }),
    off: fc.integer({ min: 1, max: 9 }),
  })
  .map(({ year, month, dayIndex, coordination, serial, off }) => {
    const day = (dayIndex % daysInMonth(year, month)) + 1;
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    const nine = pad(year % 100) + pad(month) + pad(coordination ? day + 60 : day) + pad(serial, 3);
    return { digits: String(year) + nine.slice(2) + ((identityCheckDigit(nine) + off) % 10), coordination };
  });

describe('every spelling of a personnummer is found (fast-check)', () => {
  it(`the published test numbers, any spelling, anywhere in a text (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...TEST_NUMBERS), spelling, surrounding, surrounding, (number, how, before, after) => {
        const written = spell(number.replace('-', ''), how);
        const text = `${before}${written}${after}`;
        const hits = findIdentityNumbers(text);
        expect(hits.map((h) => text.slice(h.start, h.end))).toEqual([written]);
        expect(hits[0]).toMatchObject({ kind: number === '19140168-2396' ? 'samordningsnummer' : 'personnummer', checkDigitValid: true });
        expect(redactIdentityNumbers(text)).toBe(`${before}${REDACTED}${after}`);
      }),
      { numRuns: RUNS },
    );
  });

  it(`a published number with invisible characters pasted into it and a numbered suffix after it (${RUNS} runs)`, () => {
    const invisible = fc.constantFrom('\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e');
    const suffix = fc.constantFrom('', '-1', '/2', '.0', '-12', ' - 3');
    fc.assert(
      fc.property(fc.constantFrom(...TEST_NUMBERS), spelling, invisible, fc.nat(), suffix, surrounding, (number, how, mark, at, tail, before) => {
        const written = spell(number.replace('-', ''), how);
        const cut = 1 + (at % (written.length - 1));
        const text = `${before}${written.slice(0, cut)}${mark}${written.slice(cut)}${tail}.`;
        expect(findIdentityNumbers(text)).toHaveLength(1);
        expect(redactIdentityNumbers(text)).not.toContain(written.slice(-4));
      }),
      { numRuns: RUNS },
    );
  });

  it(`a date-shaped number with a wrong check digit, any spelling (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(mistypedNumber, spelling, surrounding, surrounding, ({ digits, coordination }, how, before, after) => {
        const written = spell(digits, how);
        const text = `${before}${written}${after}`;
        const hits = findIdentityNumbers(text);
        expect(hits.map((h) => text.slice(h.start, h.end))).toEqual([written]);
        expect(hits[0]).toMatchObject({ kind: coordination ? 'samordningsnummer' : 'personnummer', checkDigitValid: false });
        expect(redactIdentityNumbers(text)).not.toMatch(/\p{Nd}/u);
      }),
      { numRuns: RUNS },
    );
  });

  it(`the personnummer column reads every spelling of a published number as its canonical form (${RUNS} runs)`, () => {
    const noPlus = spelling.filter((s) => !s.gap.includes('+'));
    fc.assert(
      fc.property(fc.constantFrom(...TEST_NUMBERS), noPlus, fc.constantFrom('', ' ', '\t', '  '), (number, how, pad) => {
        const parsed = parseIdentityNumber(`${pad}${spell(number.replace('-', ''), how)}${pad}`, REF);
        const canonical = parseIdentityNumber(how.century ? number : number.slice(2), REF);
        expect(parsed).toEqual(canonical);
        expect(parsed.ok).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const between = (min: number, max: number, width = 2) => fc.integer({ min, max }).map((n) => String(n).padStart(width, '0'));
const ymd = fc.record({ y: between(1990, 2035, 4), m: between(1, 12), d: between(1, 28) });
const hm = fc.record({ h: between(0, 23), mi: between(0, 59), s: between(0, 59) });

const phoneNumbers = fc.oneof(
  fc.tuple(digits(3), digits(3), digits(2)).map(([a, b, c]) => `08-${a} ${b} ${c}`),
  digits(8).map((a) => `08-${a}`),
  fc.tuple(digits(2), digits(3), digits(2), digits(2)).map(([a, b, c, d]) => `0${a}-${b} ${c} ${d}`),
  fc.tuple(digits(2), digits(7)).map(([a, b]) => `0${a}-${b}`),
  fc.tuple(digits(3), digits(2), digits(2), digits(2)).map(([a, b, c, d]) => `0${a}-${b} ${c} ${d}`),
  fc.tuple(digits(3), digits(6)).map(([a, b]) => `0${a}-${b}`),
  fc.tuple(digits(2), digits(3), digits(2), digits(2)).map(([a, b, c, d]) => `+46 ${a} ${b} ${c} ${d}`),
  fc.tuple(digits(3), digits(3), digits(2)).map(([a, b, c]) => `+46 8 ${a} ${b} ${c}`),
  digits(9).map((a) => `+46${a}`),
);

const dnrPrefix = fc.constantFrom('SOF', 'SN', 'KS', 'IFO', 'SOCN', 'BUN');
const year = between(2000, 2035, 4);
const dnrs = fc.oneof(
  fc.tuple(dnrPrefix, year, fc.integer({ min: 1, max: 99999 })).map(([p, y, n]) => `${p} ${y}/${n}`),
  fc.tuple(dnrPrefix, year, fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([p, y, n, a, b]) => `${p} ${y}/${n}-${a}-${b}`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9999 }), year).map(([a, b, c, n, y]) => `${a}.${b}.${c}-${n}/${y}`),
  fc.tuple(dnrPrefix, year, digits(5)).map(([p, y, n]) => `${p}-${y}-${n}`),
);

const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const dates = fc.oneof(
  ymd.map(({ y, m, d }) => `${y}-${m}-${d}`),
  ymd.map(({ y, m, d }) => `${Number(d)}/${Number(m)} ${y}`),
  ymd.map(({ y, m, d }) => `${d}.${m}.${y}`),
  ymd.map(({ y, m, d }) => `${d}/${m}/${y}`),
  ymd.map(({ y, m, d }) => `${y}${m}${d}`),
  ymd.map(({ y, m, d }) => `${y.slice(2)}${m}${d}`),
  ymd.map(({ y, m, d }) => `${Number(d)} ${months[Number(m) - 1]} ${y}`),
  fc.tuple(ymd, ymd, fc.constantFrom('–', '-', ' - ', ' – ', '—')).map(([a, b, dash]) => `${a.y}-${a.m}-${a.d}${dash}${b.y}-${b.m}-${b.d}`),
  fc.tuple(ymd, ymd).map(([a, b]) => `${a.y}${a.m}${a.d}-${b.y}${b.m}${b.d}`),
);

const times = fc.oneof(
  hm.map(({ h, mi }) => `${h}:${mi}`),
  hm.map(({ h, mi }) => `${h}.${mi}`),
  hm.map(({ h, mi }) => `kl. ${h}${mi}`),
  hm.map(({ h, mi }) => `kl ${h}:${mi}`),
  hm.map(({ h, mi, s }) => `${h}:${mi}:${s}`),
  fc.tuple(hm, hm).map(([a, b]) => `${a.h}:${a.mi}-${b.h}:${b.mi}`),
);

const timestamps = fc.oneof(
  fc.tuple(ymd, hm).map(([d, t]) => `${d.y}-${d.m}-${d.d}T${t.h}:${t.mi}:${t.s}Z`),
  fc.tuple(ymd, hm).map(([d, t]) => `${d.y}-${d.m}-${d.d} ${t.h}:${t.mi}:${t.s}`),
  fc.tuple(ymd, hm, digits(3)).map(([d, t, ms]) => `${d.y}-${d.m}-${d.d}T${t.h}:${t.mi}:${t.s}.${ms}+01:00`),
  fc.tuple(ymd, hm).map(([d, t]) => `${d.y}-${d.m}-${d.d} ${t.h}:${t.mi}`),
  fc.tuple(ymd, hm).map(([d, t]) => `${d.y}-${d.m}-${d.d} kl. ${t.h}${t.mi}`),
);

describe('ordinary numbers are never taken for one (fast-check)', () => {
  it.each([
    ['phone numbers', phoneNumbers],
    ['Dnr', dnrs],
    ['dates and date ranges', dates],
    ['times', times],
    ['timestamps', timestamps],
  ])(`%s (${RUNS} runs)`, (_what, arbitrary) => {
    fc.assert(
      fc.property(arbitrary as fc.Arbitrary<string>, surrounding, (text, before) => {
        expect(findIdentityNumbers(`${before} ${text}.`)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it(`a sentence mixing all of them (${RUNS} runs)`, () => {
    const item = fc.oneof(phoneNumbers, dnrs, dates, times, timestamps);
    const joiner = fc.constantFrom(', ', '; ', ' och ', '. ', ' tel ', ' dnr ', '\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(item, joiner), { minLength: 1, maxLength: 8 }), (parts) => {
        const text = parts.map(([t, j]) => t + j).join('');
        expect(findIdentityNumbers(text)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
