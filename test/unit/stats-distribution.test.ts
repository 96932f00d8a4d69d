import { describe, expect, it } from 'vitest';
import { distributionOf, quantileOfSorted } from '../../shared/stats/distribution';

/** Reference values from R: quantile(x, type = 7), R's default and Excel's QUARTILE.INC. */
describe('distributionOf', () => {
  it('matches R quantile(1:10) and quantile(c(2, 4, 4, 5, 7, 9, 10))', () => {
    const oneToTen = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(distributionOf(oneToTen)).toEqual({ n: 10, mean: 5.5, median: 5.5, q1: 3.25, q3: 7.75, min: 1, max: 10 });
    // quantile(c(2, 4, 4, 5, 7, 9, 10)) → 4, 5, 8
    expect(distributionOf([10, 2, 4, 9, 4, 7, 5])).toMatchObject({ q1: 4, median: 5, q3: 8 });
  });

  it('gives every statistic null for no values, and the value itself for one', () => {
    expect(distributionOf([])).toEqual({ n: 0, mean: null, median: null, q1: null, q3: null, min: null, max: null });
    expect(distributionOf([7])).toEqual({ n: 1, mean: 7, median: 7, q1: 7, q3: 7, min: 7, max: 7 });
  });

  it('leaves out what is not a finite number instead of returning NaN', () => {
    expect(distributionOf([1, Number.NaN, 3, Number.POSITIVE_INFINITY])).toMatchObject({ n: 2, mean: 2, median: 2 });
  });

  it('refuses a probability outside [0, 1] and an empty list', () => {
    expect(() => quantileOfSorted([1], 1.5)).toThrow(RangeError);
    expect(() => quantileOfSorted([], 0.5)).toThrow(RangeError);
  });
});
