import { countsPerItem, notComputable, REASONS, sum, type Computed, type Ratings } from './ratings';

/** The level of measurement: which differences between categories count, and how much. */
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/**
 * Krippendorff's α (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"), any number
 * of raters, missing ratings allowed. Items with fewer than two ratings cannot be paired and are
 * left out. From the coincidence matrix o_ck = Σ_u (pairs c–k in item u) / (m_u − 1), with
 * n_c = Σ_k o_ck and n = Σ n_c:  α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 *
 * δ² per metric: nominal 0 or 1; ordinal (Σ_{g=c..k} n_g − (n_c + n_k)/2)² over the ordered set
 * (an unused category in between adds nothing); interval (v_c − v_k)²; ratio ((v_c − v_k)/(v_c + v_k))².
 * `values` are the categories' numbers for interval and ratio (by default 1 … K, their positions).
 */
export function krippendorffAlpha(ratings: Ratings, metric: AlphaMetric = 'nominal', values?: readonly number[]): Computed<{ pairable: number }> {
  const k = ratings.categoryCount;
  if (k < 2) return notComputable(REASONS.oneCategory);
  const v = values ?? Array.from({ length: k }, (_, i) => i + 1);
  if (v.length !== k) throw new RangeError('krippendorffAlpha: one value per category is needed');
  if (metric === 'ratio' && v.some((x) => x < 0)) throw new RangeError('krippendorffAlpha: ratio values must not be negative');

  const o = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const { counts, weight } of countsPerItem(ratings)) {
    const m = sum(counts);
    if (m < 2) continue;
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) continue;
      for (let d = 0; d < k; d++) o[c][d] += (weight * counts[c] * (d === c ? counts[d] - 1 : counts[d])) / (m - 1);
    }
  }
  const nc = o.map((row) => sum(row));
  const n = sum(nc);
  if (n < 2) return notComputable(REASONS.noPairs);

  const delta2 = (c: number, d: number): number => {
    if (c === d) return 0;
    switch (metric) {
      case 'nominal':
        return 1;
      case 'ordinal': {
        const [lo, hi] = c < d ? [c, d] : [d, c];
        let between = 0;
        for (let g = lo; g <= hi; g++) between += nc[g];
        return (between - (nc[c] + nc[d]) / 2) ** 2;
      }
      case 'interval':
        return (v[c] - v[d]) ** 2;
      case 'ratio':
        return v[c] + v[d] === 0 ? 0 : ((v[c] - v[d]) / (v[c] + v[d])) ** 2;
    }
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      const w = delta2(c, d);
      observed += o[c][d] * w;
      expected += nc[c] * nc[d] * w;
    }
  }
  if (expected <= 0) return notComputable(REASONS.oneCategoryUsed);
  return { ok: true, value: 1 - ((n - 1) * observed) / expected, pairable: n };
}
