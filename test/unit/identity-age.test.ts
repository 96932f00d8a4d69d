import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ageAt, ageBand } from '../../shared/identity/personnummer';

describe('ageAt', () => {
  it('counts whole years and turns a year older on the birthday itself', () => {
    expect(ageAt('2017-01-01', '2024-12-31')).toBe(7);
    expect(ageAt('2017-01-01', '2025-01-01')).toBe(8);
    expect(ageAt('2019-04-08', '2025-04-07')).toBe(5);
    expect(ageAt('2019-04-08', '2025-04-08')).toBe(6);
    expect(ageAt('1890-01-01', '2026-11-23')).toBe(136);
  });

  it('is 0 on the day of birth', () => {
    expect(ageAt('2024-03-12', '2024-03-12')).toBe(0);
  });

  it('lets someone born on 29 February turn a year older on 1 March in a common year', () => {
    expect(ageAt('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageAt('2008-02-29', '2025-03-01')).toBe(17);
    expect(ageAt('2008-02-29', '2024-02-29')).toBe(16);
  });

  it('refuses impossible dates and a birth after the reference date', () => {
    expect(() => ageAt('2025-02-30', '2026-01-01')).toThrow(/födelsedatum/);
    expect(() => ageAt('2017-01-01', '2026-13-01')).toThrow(/referensdatum/);
    expect(() => ageAt('2026-01-02', '2026-01-01')).toThrow(/efter referensdatumet/);
  });
});

describe('ageBand', () => {
  it.each([
    [0, '0-5'], [5, '0-5'], [6, '6-12'], [12, '6-12'], [13, '13-17'], [17, '13-17'], [18, '18+'], [64, '18+'],
  ])('barn: %i → %s', (age, band) => {
    expect(ageBand(age, 'barn')).toBe(band);
  });

  it.each([
    [0, '0-17'], [17, '0-17'], [18, '18-24'], [24, '18-24'], [25, '25-34'], [34, '25-34'], [35, '35-49'],
    [49, '35-49'], [50, '50-64'], [64, '50-64'], [65, '65+'], [136, '65+'],
  ])('vuxna: %i → %s', (age, band) => {
    expect(ageBand(age, 'vuxna')).toBe(band);
  });

  it('covers every age from 0 to 120 with one of the listed bands, youngest first', () => {
    for (const group of ['barn', 'vuxna'] as const) {
      const seen = Array.from({ length: 121 }, (_, age) => ageBand(age, group));
      expect([...new Set(seen)]).toEqual([...AGE_BANDS[group]]);
    }
  });

  it('refuses negative and fractional ages', () => {
    expect(() => ageBand(-1, 'barn')).toThrow(RangeError);
    expect(() => ageBand(4.5, 'barn')).toThrow(RangeError);
  });

  it('combines with ageAt at a review reference date (birthday edge)', () => {
    expect(ageBand(ageAt('2019-04-08', '2025-04-07'), 'barn')).toBe('0-5');
    expect(ageBand(ageAt('2019-04-08', '2025-04-08'), 'barn')).toBe('6-12');
  });
});
