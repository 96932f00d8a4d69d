import { percentAgreement } from './percent-agreement';
import { countsPerItem, notComputable, REASONS, sum, type Computed, type Ratings } from './ratings';

/**
 * What Fleiss' κ and Gwet's AC1 share, as irrCAC computes them for any number of raters with
 * missing ratings (fleiss.kappa.raw, gwet.ac1.raw; Gwet 2014, ch. 2):
 * - p_a, the pairwise agreement of the items rated at least twice (see percentAgreement);
 * - π_k, the mean over every item rated at least once of the share r_ik / r_i of its ratings in k.
 */
function parts(ratings: Ratings): { pa: number; pi: number[] } | undefined {
  const pa = percentAgreement(ratings);
  const pi = categoryShares(ratings);
  return pa.ok && pi ? { pa: pa.value, pi } : undefined;
}

/**
 * Fleiss' κ (1971), generalised to missing ratings as irrCAC does: (p_a − p_e) / (1 − p_e) with
 * p_e = Σ π_k². With every item rated by every rater it is Fleiss' own κ (irr's kappam.fleiss).
 */
export function fleissKappa(ratings: Ratings): Computed<{ pa: number; pe: number }> {
  if (ratings.categoryCount < 2) return notComputable(REASONS.oneCategory);
  const p = parts(ratings);
  if (!p) return notComputable(REASONS.noPairs);
  const pe = sum(p.pi.map((x) => x * x));
  if (1 - pe < 1e-12) return notComputable(REASONS.oneCategoryUsed);
  return { ok: true, value: (p.pa - pe) / (1 - pe), pa: p.pa, pe };
}

/**
 * Gwet's AC1 (2008): (p_a − p_e) / (1 − p_e) with p_e = Σ π_k(1 − π_k) / (K − 1), K the size of
 * the category set. Chance agreement is largest when the categories are used equally and small
 * when one category dominates, so AC1 stays near the observed agreement where κ collapses (the
 * kappa paradox). Since p_e ≤ 1/K < 1, AC1 is defined whenever two ratings of one item exist.
 */
export function gwetAC1(ratings: Ratings): Computed<{ pa: number; pe: number }> {
  const k = ratings.categoryCount;
  if (k < 2) return notComputable(REASONS.oneCategory);
  const p = parts(ratings);
  if (!p) return notComputable(REASONS.noPairs);
  const pe = sum(p.pi.map((x) => x * (1 - x))) / (k - 1);
  return { ok: true, value: (p.pa - pe) / (1 - pe), pa: p.pa, pe };
}

/** π_k, the share of the ratings in each category (item-weighted, as in AC1 and Fleiss' κ); undefined without any rating. */
export function categoryShares(ratings: Ratings): number[] | undefined {
  const items = countsPerItem(ratings);
  if (items.length === 0) return undefined;
  const pi = new Array<number>(ratings.categoryCount).fill(0);
  let weights = 0;
  for (const { counts, weight } of items) {
    const m = sum(counts);
    counts.forEach((c, k) => (pi[k] += (weight * c) / m));
    weights += weight;
  }
  return pi.map((x) => x / weights);
}
