import { bootstrapIntervals, DEFAULT_REPLICATES, DEFAULT_SEED, type BootstrapOptions, type Interval } from './bootstrap';
import { cohenKappa } from './cohen';
import { categoryShares, fleissKappa, gwetAC1 } from './fleiss-gwet';
import { krippendorffAlpha } from './krippendorff';
import { percentAgreement } from './percent-agreement';
import { raterCount, type Computed, type Ratings } from './ratings';
import { readingOf } from './reading';

/**
 * One statistic as the CLI's JSON and the views show it: the value and its 95 % bootstrap
 * interval, or `value: null` with the Swedish reason it cannot be computed. `ci95` is null where
 * the value is, or where too few resamples give a value (see bootstrapInterval).
 */
export interface Statistic {
  value: number | null;
  ci95: Interval | null;
  reason?: string;
}

type StatisticName = 'percentAgreement' | 'cohenKappa' | 'weightedKappaLinear' | 'weightedKappaQuadratic' | 'fleissKappa' | 'gwetAC1' | 'krippendorffAlpha';

export interface AgreementOptions extends BootstrapOptions {
  /** The category labels, in the template's order (for the reading). */
  labels: readonly string[];
  /** Ordered categories (ja < delvis < nej): adds weighted κ and makes α ordinal. */
  ordered?: boolean;
}

export interface AgreementReport {
  /** Items (files; objekt) with at least one rating. */
  n: number;
  /** Rater columns. */
  raters: number;
  categories: string[];
  ordered: boolean;
  percentAgreement: Statistic;
  /** Two raters only. */
  cohenKappa?: Statistic;
  /** Two raters and ordered categories only. */
  weightedKappaLinear?: Statistic;
  weightedKappaQuadratic?: Statistic;
  fleissKappa: Statistic;
  gwetAC1: Statistic;
  krippendorffAlpha: Statistic & { metric: 'nominal' | 'ordinal' };
  bootstrap: { replicates: number; seed: string; method: 'percentile' };
  /** Plain-Swedish reading, one paragraph per entry. */
  reading: string[];
}

/** Every agreement statistic of the ratings, with 95 % intervals and the Swedish reading. */
export function agreementReport(ratings: Ratings, options: AgreementOptions): AgreementReport {
  if (options.labels.length !== ratings.categoryCount) throw new RangeError('agreementReport: one label per category is needed');
  const ordered = options.ordered === true;
  const bootstrap = { replicates: options.replicates ?? DEFAULT_REPLICATES, seed: options.seed ?? DEFAULT_SEED };
  const raters = raterCount(ratings);
  const two = raters === 2;
  const metric = ordered ? 'ordinal' : 'nominal';
  const computes: Partial<Record<StatisticName, (r: Ratings) => Computed>> = {
    percentAgreement,
    ...(two ? { cohenKappa: (r: Ratings) => cohenKappa(r) } : {}),
    ...(two && ordered ? { weightedKappaLinear: (r: Ratings) => cohenKappa(r, 'linear'), weightedKappaQuadratic: (r: Ratings) => cohenKappa(r, 'quadratic') } : {}),
    fleissKappa,
    gwetAC1,
    krippendorffAlpha: (r: Ratings) => krippendorffAlpha(r, metric),
  };
  // Resamples only for the statistics that have a value.
  const points = Object.fromEntries(Object.entries(computes).map(([name, compute]) => [name, compute!(ratings)])) as Partial<Record<StatisticName, Computed>>;
  const computable = Object.fromEntries(Object.entries(computes).filter(([name]) => points[name as StatisticName]!.ok));
  const intervals = bootstrapIntervals(ratings, computable, bootstrap) as Partial<Record<StatisticName, Interval>>;
  const statistic = (name: StatisticName): Statistic => {
    const point = points[name]!;
    return point.ok ? { value: point.value, ci95: intervals[name] ?? null } : { value: null, ci95: null, reason: point.reason };
  };
  const report: Omit<AgreementReport, 'reading'> = {
    n: ratings.rows.filter((row) => row.some((v) => v !== null)).length,
    raters,
    categories: [...options.labels],
    ordered,
    percentAgreement: statistic('percentAgreement'),
    ...(two ? { cohenKappa: statistic('cohenKappa') } : {}),
    ...(two && ordered ? { weightedKappaLinear: statistic('weightedKappaLinear'), weightedKappaQuadratic: statistic('weightedKappaQuadratic') } : {}),
    fleissKappa: statistic('fleissKappa'),
    gwetAC1: statistic('gwetAC1'),
    krippendorffAlpha: { ...statistic('krippendorffAlpha'), metric },
    bootstrap: { ...bootstrap, method: 'percentile' },
  };
  const chance = two ? cohenKappa(ratings) : fleissKappa(ratings);
  return {
    ...report,
    reading: readingOf(report, {
      labels: options.labels,
      shares: categoryShares(ratings),
      kappaChance: chance.ok ? chance.pe : undefined,
      ac1Chance: (() => {
        const ac1 = gwetAC1(ratings);
        return ac1.ok ? ac1.pe : undefined;
      })(),
    }),
  };
}
