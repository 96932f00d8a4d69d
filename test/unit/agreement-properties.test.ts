import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prngFromSeed, randomBelow } from '../../shared/sampling/prng';
import {
  agreementReport,
  bootstrapInterval,
  bootstrapIntervals,
  cohenKappa,
  fleissKappa,
  gwetAC1,
  krippendorffAlpha,
  landisKochBand,
  percentAgreement,
  quantile7,
  REASONS,
  type AlphaMetric,
  type Computed,
  type Ratings,
} from '../../shared/stats/agreement';

const METRICS: AlphaMetric[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** Every statistic of a ratings table, by name. */
function all(r: Ratings): Record<string, Computed> {
  return {
    percent: percentAgreement(r),
    cohen: cohenKappa(r),
    linear: cohenKappa(r, 'linear'),
    quadratic: cohenKappa(r, 'quadratic'),
    fleiss: fleissKappa(r),
    ac1: gwetAC1(r),
    ...Object.fromEntries(METRICS.map((m) => [`alpha-${m}`, krippendorffAlpha(r, m)])),
  };
}

/** K categories, items × raters with some missing ratings. */
const ratingsArb = (options: { raters?: fc.Arbitrary<number>; missing?: boolean } = {}) =>
  fc
    .record({ k: fc.integer({ min: 2, max: 5 }), raters: options.raters ?? fc.integer({ min: 2, max: 5 }), items: fc.integer({ min: 1, max: 25 }) })
    .chain(({ k, raters, items }) =>
      fc
        .array(fc.array(options.missing === false ? fc.integer({ min: 0, max: k - 1 }) : fc.option(fc.integer({ min: 0, max: k - 1 }), { freq: 5, nil: null }), { minLength: raters, maxLength: raters }), {
          minLength: items,
          maxLength: items,
        })
        .map((rows): Ratings => ({ categoryCount: k, rows })),
    );

const same = (a: Computed, b: Computed) => {
  expect(a.ok).toBe(b.ok);
  if (a.ok && b.ok) expect(a.value).toBeCloseTo(b.value, 9);
};

describe('agreement statistics: properties', () => {
  it('never return NaN or Infinity: a value in range, or a Swedish reason', () => {
    fc.assert(
      fc.property(ratingsArb(), (r) => {
        for (const [name, result] of Object.entries(all(r))) {
          if (result.ok) {
            expect(Number.isFinite(result.value), name).toBe(true);
            expect(result.value, name).toBeLessThanOrEqual(1 + 1e-9);
          } else expect(result.reason, name).toMatch(/[a-zåäö]/);
        }
        const pa = percentAgreement(r);
        if (pa.ok) expect(pa.value).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('perfect agreement gives 1 for every statistic, once two categories are used', () => {
    fc.assert(
      fc.property(ratingsArb({ missing: false }), fc.integer({ min: 2, max: 5 }), (r, raters) => {
        const rows = r.rows.map((row, i) => Array.from({ length: raters }, () => row[0] ?? i % r.categoryCount));
        rows.push(Array.from({ length: raters }, () => (rows[0][0]! + 1) % r.categoryCount));
        for (const [name, result] of Object.entries(all({ categoryCount: r.categoryCount, rows }))) {
          if (name === 'cohen' || name === 'linear' || name === 'quadratic') {
            if (raters !== 2) continue;
          }
          expect(result.ok, name).toBe(true);
          if (result.ok) expect(result.value, name).toBeCloseTo(1, 12);
        }
      }),
    );
  });

  it('do not depend on the order of the raters or of the items', () => {
    fc.assert(
      fc.property(ratingsArb(), fc.integer(), (r, shift) => {
        const raters = r.rows[0].length;
        const s = ((shift % raters) + raters) % raters;
        const rotated: Ratings = { categoryCount: r.categoryCount, rows: r.rows.map((row) => [...row.slice(s), ...row.slice(0, s)]) };
        const reversedRaters: Ratings = { categoryCount: r.categoryCount, rows: r.rows.map((row) => [...row].reverse()) };
        const reversedItems: Ratings = { categoryCount: r.categoryCount, rows: [...r.rows].reverse() };
        const before = all(r);
        for (const other of [rotated, reversedRaters, reversedItems]) {
          const after = all(other);
          for (const name of Object.keys(before)) same(before[name], after[name]);
        }
      }),
    );
  });

  it('Cohen κ is symmetric in its two raters, weighted or not', () => {
    fc.assert(
      fc.property(ratingsArb({ raters: fc.constant(2) }), (r) => {
        const swapped: Ratings = { categoryCount: r.categoryCount, rows: r.rows.map(([a, b]) => [b, a]) };
        for (const w of ['none', 'linear', 'quadratic'] as const) same(cohenKappa(r, w), cohenKappa(swapped, w));
      }),
    );
  });

  it('with two raters and no missing ratings, Fleiss κ is Scott\'s π and α nominal is π corrected for sample size', () => {
    fc.assert(
      fc.property(ratingsArb({ raters: fc.constant(2), missing: false }), (r) => {
        const pi = fleissKappa(r);
        const alpha = krippendorffAlpha(r, 'nominal');
        if (!pi.ok || !alpha.ok) return;
        const n = r.rows.length;
        // Krippendorff (2011): α = 1 − (1 − π)(2n − 1)/(2n) for two coders without missing data.
        expect(alpha.value).toBeCloseTo(1 - ((1 - pi.value) * (2 * n - 1)) / (2 * n), 9);
      }),
    );
  });
});

describe('weighted rows (the bootstrap\'s resamples)', () => {
  it('a row with weight w is the same as w copies of it', () => {
    fc.assert(
      fc.property(ratingsArb(), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 25, maxLength: 25 }), (r, w) => {
        const weights = r.rows.map((_, i) => w[i]);
        const expanded: Ratings = { categoryCount: r.categoryCount, rows: r.rows.flatMap((row, i) => Array.from({ length: weights[i] }, () => row)) };
        const before = all({ ...r, weights });
        const after = all(expanded);
        for (const name of Object.keys(before)) same(before[name], after[name]);
      }),
    );
  });
});

describe('the bootstrap interval', () => {
  const skew: Ratings = { categoryCount: 2, rows: [...Array(90).fill([0, 0]), ...Array(5).fill([0, 1]), ...Array(5).fill([1, 0])] };

  it('is the same for the same seed, and differs for another', () => {
    // Varied data, so that the percentiles of two seeds do not land on the same value by chance.
    const next = prngFromSeed('data');
    const varied: Ratings = { categoryCount: 4, rows: Array.from({ length: 60 }, () => [0, 1, 2].map(() => randomBelow(next, 4))) };
    const a = bootstrapInterval(varied, (r) => krippendorffAlpha(r, 'interval'), { seed: 'granskning 7', replicates: 500 });
    const b = bootstrapInterval(varied, (r) => krippendorffAlpha(r, 'interval'), { seed: 'granskning 7', replicates: 500 });
    const c = bootstrapInterval(varied, (r) => krippendorffAlpha(r, 'interval'), { seed: 'granskning 8', replicates: 500 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(agreementReport(skew, { labels: ['ja', 'nej'], replicates: 200 })).toEqual(agreementReport(skew, { labels: ['ja', 'nej'], replicates: 200 }));
  });

  it('brackets the value, with lower ≤ upper', () => {
    fc.assert(
      fc.property(ratingsArb({ missing: false }), fc.string(), (r, seed) => {
        const interval = bootstrapInterval(r, gwetAC1, { seed, replicates: 100 });
        if (!interval) return;
        expect(interval.lower).toBeLessThanOrEqual(interval.upper);
        expect(interval.replicates).toBeGreaterThanOrEqual(50);
      }),
      { numRuns: 50 },
    );
  });

  it('is the same whether one statistic or several share the resamples', () => {
    const both = bootstrapIntervals(skew, { ac1: gwetAC1, kappa: (r: Ratings) => cohenKappa(r) }, { seed: 's', replicates: 300 });
    expect(both.ac1).toEqual(bootstrapInterval(skew, gwetAC1, { seed: 's', replicates: 300 }));
    expect(both.kappa).toEqual(bootstrapInterval(skew, (r) => cohenKappa(r), { seed: 's', replicates: 300 }));
  });

  it('reads percentiles as R quantile type 7', () => {
    expect(quantile7([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile7([10], 0.975)).toBe(10);
    expect(quantile7([0, 10], 0.025)).toBeCloseTo(0.25, 12);
  });

  it('is not defined for fewer than two items', () => {
    expect(bootstrapInterval({ categoryCount: 2, rows: [[0, 1]] }, percentAgreement)).toBeUndefined();
  });
});

describe('edge cases: not computable, with a Swedish reason, never NaN', () => {
  it('one category only', () => {
    const r: Ratings = { categoryCount: 1, rows: [[0, 0], [0, 0], [0, 0]] };
    for (const name of ['cohen', 'linear', 'quadratic', 'fleiss', 'ac1', 'alpha-nominal', 'alpha-ordinal']) {
      expect(all(r)[name]).toEqual({ ok: false, reason: REASONS.oneCategory });
    }
    expect(percentAgreement(r)).toMatchObject({ ok: true, value: 1 });
  });

  it('every rating missing', () => {
    const r: Ratings = { categoryCount: 3, rows: [[null, null], [null, null]] };
    for (const result of Object.values(all(r))) expect(result).toEqual({ ok: false, reason: REASONS.noPairs });
    const report = agreementReport(r, { labels: ['ja', 'delvis', 'nej'] });
    expect(JSON.stringify(report)).not.toMatch(/NaN|null,"ci95":\{/);
    expect(report.percentAgreement).toEqual({ value: null, ci95: null, reason: REASONS.noPairs });
    expect(report.reading).toEqual([`Överensstämmelsen kan inte beräknas: ${REASONS.noPairs}`]);
  });

  it('no item rated twice (n < 2 ratings per item)', () => {
    const r: Ratings = { categoryCount: 2, rows: [[0, null], [null, 1], [1, null]] };
    for (const result of Object.values(all(r))) expect(result).toEqual({ ok: false, reason: REASONS.noPairs });
  });

  it('a single item', () => {
    const r: Ratings = { categoryCount: 2, rows: [[0, 1]] };
    expect(cohenKappa(r)).toMatchObject({ ok: true });
    const report = agreementReport(r, { labels: ['ja', 'nej'] });
    expect(report.cohenKappa?.ci95).toBeNull();
    expect(report.reading.join(' ')).toContain('Med bara 1 objekt är intervallen breda');
  });

  it('both raters always "ja": κ and α are undefined, AC1 is 1, and the reading says why', () => {
    const r: Ratings = { categoryCount: 2, rows: Array(20).fill([0, 0]) };
    expect(cohenKappa(r)).toEqual({ ok: false, reason: REASONS.oneCategoryUsed });
    expect(krippendorffAlpha(r)).toEqual({ ok: false, reason: REASONS.oneCategoryUsed });
    expect(gwetAC1(r)).toMatchObject({ ok: true, value: 1 });
    const reading = agreementReport(r, { labels: ['ja', 'nej'] }).reading.join('\n');
    expect(reading).toContain('Cohens κ går inte att beräkna trots att bedömarna är överens i 100\u00a0% av fallen');
    expect(reading).toContain('Gwets AC1');
  });

  it('Cohen κ with three raters says it needs two', () => {
    expect(cohenKappa({ categoryCount: 2, rows: [[0, 0, 1]] })).toEqual({ ok: false, reason: REASONS.notTwoRaters(3) });
  });
});

describe('Landis–Koch bands', () => {
  it('places a value as it is shown, with two decimals', () => {
    expect(landisKochBand(-0.05)).toBe('sämre än slumpen');
    expect(landisKochBand(-0.004)).toBe('obetydlig');
    expect(landisKochBand(0.2)).toBe('obetydlig');
    expect(landisKochBand(0.4004)).toBe('svag');
    expect(landisKochBand(0.41)).toBe('måttlig');
    expect(landisKochBand(0.8)).toBe('betydande');
    expect(landisKochBand(0.81)).toBe('nästan fullständig');
    expect(landisKochBand(1)).toBe('nästan fullständig');
  });
});
