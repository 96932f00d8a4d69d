import { countsPerItem, notComputable, REASONS, sum, type Computed, type Ratings } from './ratings';

/**
 * Percent agreement, pairwise: for each item rated by m ≥ 2 raters, the share of its m(m−1)
 * ordered pairs of ratings that agree, Σ_k r_ik(r_ik − 1) / (m(m − 1)); averaged over those items.
 * For two raters it is the share of items they agree on; for more it is Fleiss' P̄ and Gwet's p_a
 * (irrCAC), which also allows missing ratings. Items with fewer than two ratings do not count.
 */
export function percentAgreement(ratings: Ratings): Computed<{ items: number }> {
  let total = 0;
  let items = 0;
  for (const { counts, weight } of countsPerItem(ratings)) {
    const m = sum(counts);
    if (m < 2) continue;
    total += (weight * counts.reduce((acc, c) => acc + c * (c - 1), 0)) / (m * (m - 1));
    items += weight;
  }
  if (items === 0) return notComputable(REASONS.noPairs);
  return { ok: true, value: total / items, items };
}
