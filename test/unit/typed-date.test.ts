import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../shared/util/typed-date';

const TODAY = new Date(2026, 0, 15); // 15 January 2026, local time

describe('a date as typed while scoring', () => {
  it('reads 2024-03-12, 20240312 and 240312 as the same date', () => {
    for (const typed of ['2024-03-12', '20240312', '240312', ' 240312 ']) expect(parseTypedDate(typed, TODAY)?.iso).toBe('2024-03-12');
  });

  it('accepts only real calendar dates', () => {
    for (const typed of ['2025-02-29', '20250230', '250230', '2024-13-01', '20240001', '240100', '2024-3-12', '2024312', '24-03-12', '', 'idag']) {
      expect(parseTypedDate(typed, TODAY), typed).toBeNull();
    }
    expect(parseTypedDate('20240229', TODAY)?.iso).toBe('2024-02-29');
    expect(parseTypedDate('000229', TODAY)?.iso).toBe('2000-02-29');
  });

  it('reads a two-digit year as 20YY unless that date is after today, then as 19YY', () => {
    expect(parseTypedDate('260115', TODAY)?.iso).toBe('2026-01-15'); // today
    expect(parseTypedDate('260116', TODAY)?.iso).toBe('1926-01-16'); // tomorrow in 2026 is not a file date
    expect(parseTypedDate('991231', TODAY)?.iso).toBe('1999-12-31');
    expect(parseTypedDate('000101', TODAY)?.iso).toBe('2000-01-01');
    expect(parseTypedDate('280229', TODAY)?.iso).toBe('1928-02-29'); // 2028 is in the future; 1928 was a leap year
    expect(parseTypedDate('290229', TODAY)).toBeNull(); // neither 2029 nor 1929 has a 29 February
  });

  it('is complete when typing more could not make another date', () => {
    expect(parseTypedDate('2024-03-12', TODAY)?.complete).toBe(true);
    expect(parseTypedDate('20240312', TODAY)?.complete).toBe(true);
    expect(parseTypedDate('240312', TODAY)?.complete).toBe(true);
    expect(parseTypedDate('991231', TODAY)?.complete).toBe(true);
    // 200312 is 2020-03-12, but also the start of 20031215: it waits for Enter or more digits.
    expect(parseTypedDate('200312', TODAY)).toEqual({ iso: '2020-03-12', complete: false });
    expect(parseTypedDate('191105', TODAY)).toEqual({ iso: '2019-11-05', complete: false });
    // 201213 cannot begin an eight-digit date (2012, month 13).
    expect(parseTypedDate('201213', TODAY)).toEqual({ iso: '2020-12-13', complete: true });
  });
});
