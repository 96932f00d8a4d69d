import { prngFromSeed, randomBelow } from '../../sampling/prng';
import type { Computed, Ratings } from './ratings';

export interface BootstrapOptions {
  /** Resamples drawn; 2,000 by default. */
  replicates?: number;
  /** Seed text for the sampler's generator (FNV-1a → Mulberry32, docs/sampling.md): the same seed gives the same interval. */
  seed?: string;
}

export const DEFAULT_REPLICATES = 2000;
export const DEFAULT_SEED = 'överensstämmelse';

export interface Interval {
  lower: number;
  upper: number;
  /** Resamples on which the statistic could be computed (a resample of, say, only "ja"/"ja" items has no κ); the percentiles are of these. */
  replicates: number;
}

/**
 * A 95 % percentile bootstrap interval, resampling items (files) with replacement, as the unit
 * that was sampled: each replicate draws n items from the n, with the sampler's seeded generator
 * (shared/sampling/prng) and its unbiased randomBelow. The 2.5th and 97.5th percentiles are read
 * as R's quantile type 7 (linear between order statistics). Undefined when fewer than half of the
 * replicates give a value: such an interval would describe the lucky resamples only.
 */
export function bootstrapInterval(ratings: Ratings, statistic: (r: Ratings) => Computed, options: BootstrapOptions = {}): Interval | undefined {
  const replicates = options.replicates ?? DEFAULT_REPLICATES;
  const next = prngFromSeed(options.seed ?? DEFAULT_SEED);
  const n = ratings.rows.length;
  if (n < 2) return undefined;
  const values: number[] = [];
  const rows = new Array<Ratings['rows'][number]>(n);
  for (let b = 0; b < replicates; b++) {
    for (let i = 0; i < n; i++) rows[i] = ratings.rows[randomBelow(next, n)];
    const result = statistic({ categoryCount: ratings.categoryCount, rows });
    if (result.ok && Number.isFinite(result.value)) values.push(result.value);
  }
  if (values.length === 0 || values.length * 2 < replicates) return undefined;
  values.sort((a, b) => a - b);
  return { lower: quantile7(values, 0.025), upper: quantile7(values, 0.975), replicates: values.length };
}

/** R's quantile type 7 of sorted values. */
export function quantile7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
