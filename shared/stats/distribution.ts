import type { Distribution } from '../contract/results-parts';

/**
 * Five numbers and a mean. Quartiles and the median use linear interpolation between order
 * statistics — R's default `quantile(type = 7)` and Excel's QUARTILE.INC — so an inspector who
 * checks a figure in Excel gets the same number. Every statistic is null for an empty list: no
 * NaN, no division by zero shown as a number.
 */
export function distributionOf(values: readonly number[]): Distribution {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0, mean: null, median: null, q1: null, q3: null, min: null, max: null };
  // Summing in sorted order keeps the mean of large lists stable enough for display.
  const mean = sorted.reduce((sum, v) => sum + v, 0) / n;
  return { n, mean, median: quantileOfSorted(sorted, 0.5), q1: quantileOfSorted(sorted, 0.25), q3: quantileOfSorted(sorted, 0.75), min: sorted[0], max: sorted[n - 1] };
}

/** R type 7: h = (n − 1)·p, interpolate between the floor(h)-th and the next value (0-based). */
export function quantileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('quantileOfSorted: empty list');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileOfSorted: p must be in [0, 1], got ${p}`);
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}
