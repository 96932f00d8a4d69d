import { notComputable, raterCount, REASONS, type Computed, type Ratings } from './ratings';

/** none: Cohen's κ; linear and quadratic: weighted κ for ordered categories (Cicchetti–Allison and Fleiss–Cohen weights). */
export type KappaWeights = 'none' | 'linear' | 'quadratic';

/** The agreement weight of categories i and j (positions) out of K: 1 on the diagonal, falling with distance. */
export function agreementWeight(weights: KappaWeights, i: number, j: number, categoryCount: number): number {
  if (weights === 'none') return i === j ? 1 : 0;
  const d = Math.abs(i - j) / (categoryCount - 1);
  return weights === 'linear' ? 1 - d : 1 - d * d;
}

/**
 * Cohen's κ for two raters (columns 0 and 1), over the items both rated:
 * κ = (p_o − p_e) / (1 − p_e), p_o = Σ w_ij p_ij, p_e = Σ w_ij p_i· p_·j. With weights 'none' this
 * is Cohen (1960); linear and quadratic weights use the categories' positions, as irr's kappa2
 * ("equal", "squared") and scikit-learn do. The margins run over the whole category set.
 */
export function cohenKappa(ratings: Ratings, weights: KappaWeights = 'none'): Computed<{ po: number; pe: number; items: number }> {
  const raters = raterCount(ratings);
  if (raters !== 2) return notComputable(REASONS.notTwoRaters(raters));
  const k = ratings.categoryCount;
  if (k < 2) return notComputable(REASONS.oneCategory);
  const table = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let n = 0;
  for (const [i, [a, b]] of ratings.rows.entries()) {
    if (a === null || a === undefined || b === null || b === undefined) continue;
    const weight = ratings.weights?.[i] ?? 1;
    table[a][b] += weight;
    n += weight;
  }
  if (n === 0) return notComputable(REASONS.noPairs);
  const rowShare = table.map((row) => row.reduce((s, c) => s + c, 0) / n);
  const colShare = table[0].map((_, j) => table.reduce((s, row) => s + row[j], 0) / n);
  let po = 0;
  let pe = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = agreementWeight(weights, i, j, k);
      po += (w * table[i][j]) / n;
      pe += w * rowShare[i] * colShare[j];
    }
  }
  // Rounding can leave p_e a hair below 1 when both raters used one category only.
  if (1 - pe < 1e-12) return notComputable(REASONS.oneCategoryUsed);
  return { ok: true, value: (po - pe) / (1 - pe), po, pe, items: n };
}
