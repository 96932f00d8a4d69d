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
  return bootstrapIntervals(ratings, { statistic }, options).statistic;
}

/**
 * bootstrapInterval for several statistics over the same resamples (one draw per replicate
 * serves them all). Identical rows are counted once with their multiplicity, so a replicate costs
 * n draws plus one pass over the distinct rows: with three categories and two raters there are at
 * most 16, however many files were scored.
 */
export function bootstrapIntervals<Name extends string>(
  ratings: Ratings,
  statistics: Record<Name, (r: Ratings) => Computed>,
  options: BootstrapOptions = {},
): Record<Name, Interval | undefined> {
  const replicates = options.replicates ?? DEFAULT_REPLICATES;
  const names = Object.keys(statistics) as Name[];
  const result = Object.fromEntries(names.map((name) => [name, undefined])) as Record<Name, Interval | undefined>;
  const n = ratings.rows.length;
  if (n < 2) return result;

  const patternOf = new Map<string, number>();
  const patterns: (readonly (number | null)[])[] = [];
  const itemPattern: number[] = [];
  const expanded: number[] = []; // rows carrying weights are expanded into their copies
  ratings.rows.forEach((row, i) => {
    const key = row.map((v) => (v === null ? '' : String(v))).join(',');
    let p = patternOf.get(key);
    if (p === undefined) {
      p = patterns.length;
      patternOf.set(key, p);
      patterns.push(row);
    }
    for (let copy = 0; copy < (ratings.weights?.[i] ?? 1); copy++) expanded.push(p);
    itemPattern.push(p);
  });
  const draws = ratings.weights ? expanded : itemPattern;

  const next = prngFromSeed(options.seed ?? DEFAULT_SEED);
  const values = names.map((): number[] => []);
  const weights = new Array<number>(patterns.length);
  for (let b = 0; b < replicates; b++) {
    weights.fill(0);
    for (let i = 0; i < draws.length; i++) weights[draws[randomBelow(next, draws.length)]]++;
    const resample: Ratings = { categoryCount: ratings.categoryCount, rows: patterns, weights };
    names.forEach((name, s) => {
      const value = statistics[name](resample);
      if (value.ok && Number.isFinite(value.value)) values[s].push(value.value);
    });
  }
  names.forEach((name, s) => {
    const sorted = values[s].sort((a, b) => a - b);
    if (sorted.length === 0 || sorted.length * 2 < replicates) return;
    result[name] = { lower: quantile7(sorted, 0.025), upper: quantile7(sorted, 0.975), replicates: sorted.length };
  });
  return result;
}

/** R's quantile type 7 of sorted values. */
export function quantile7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
