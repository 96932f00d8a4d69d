/**
 * Two-sided Fisher's exact test for a 2×2 table, with R's definition of the two-sided p-value
 * (`fisher.test`): the sum of the probabilities of every table with the same margins whose
 * probability is at most the observed one × (1 + 1e-7). The tolerance makes tables whose
 * probabilities are equal in exact arithmetic count as equal despite rounding.
 *
 * Table layout: [[a, b], [c, d]] — rows are the two groups (girls, boys), columns the outcome
 * (ja, other applicable answer). With the margins fixed, the table is determined by `a`, which
 * follows the hypergeometric distribution.
 *
 * The conditional MLE odds ratio that R also reports needs root-finding over the non-central
 * hypergeometric distribution and is infinite at the edges of the support; nothing here needs it,
 * so it is deliberately not computed.
 */

export type Table2x2 = readonly [readonly [number, number], readonly [number, number]];

export interface Margins2x2 {
  /** First row total (a + b). */
  readonly row1: number;
  /** Second row total (c + d). */
  readonly row2: number;
  /** First column total (a + c). */
  readonly col1: number;
}

/** R's relative tolerance for "as or less probable than the observed table". */
const RELATIVE_TOLERANCE = 1 + 1e-7;

export function marginsOf(table: Table2x2): Margins2x2 {
  const [[a, b], [c, d]] = table;
  for (const v of [a, b, c, d]) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`A 2×2 table needs non-negative integer counts, got ${v}`);
  }
  return { row1: a + b, row2: c + d, col1: a + c };
}

/** The log-probabilities of `a` over its support, relative to the most probable value (so 0 at the mode). */
interface LogDistribution {
  readonly lo: number;
  readonly logWeights: Float64Array;
  /** log of the sum of exp(logWeights): the normalising constant. */
  readonly logTotal: number;
}

/**
 * log P(a = x) up to a constant, walked out from the mode with the ratio
 * P(x+1)/P(x) = (row1−x)(col1−x) / ((x+1)(row2−col1+x+1)).
 * Every step is one division and one log of exact integers (products stay below 2^53 for any
 * realistic n), so the error grows by about one rounding per step — far smaller than taking
 * differences of log-factorials near 10^5, and no overflow or underflow at any n.
 */
function logDistribution({ row1, row2, col1 }: Margins2x2): LogDistribution {
  const lo = Math.max(0, col1 - row2);
  const hi = Math.min(row1, col1);
  const size = hi - lo + 1;
  // The mode of the hypergeometric distribution.
  const mode = Math.min(hi, Math.max(lo, Math.floor(((row1 + 1) * (col1 + 1)) / (row1 + row2 + 2))));
  const logWeights = new Float64Array(size);
  for (let x = mode; x < hi; x++) {
    const ratio = ((row1 - x) * (col1 - x)) / ((x + 1) * (row2 - col1 + x + 1));
    logWeights[x + 1 - lo] = logWeights[x - lo] + Math.log(ratio);
  }
  for (let x = mode; x > lo; x--) {
    // P(x−1)/P(x), the same recurrence read backwards.
    const ratio = (x * (row2 - col1 + x)) / ((row1 - x + 1) * (col1 - x + 1));
    logWeights[x - 1 - lo] = logWeights[x - lo] + Math.log(ratio);
  }
  return { lo, logWeights, logTotal: logSumExp(logWeights, () => true) };
}

/** log Σ exp(w) over the selected weights, without overflow (every weight is ≤ 0 here). */
function logSumExp(logWeights: Float64Array, include: (w: number) => boolean): number {
  let max = -Infinity;
  for (const w of logWeights) if (include(w) && w > max) max = w;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const w of logWeights) if (include(w)) sum += Math.exp(w - max);
  return max + Math.log(sum);
}

function twoSidedP(dist: LogDistribution, observedA: number): number {
  const threshold = dist.logWeights[observedA - dist.lo] + Math.log(RELATIVE_TOLERANCE);
  const logP = logSumExp(dist.logWeights, (w) => w <= threshold) - dist.logTotal;
  // The sum of a subset of the probabilities can exceed 1 only by rounding.
  return Math.min(1, Math.exp(logP));
}

export interface FisherResult {
  /** Two-sided p-value in [0, 1], as R's `fisher.test(table)$p.value`. */
  readonly p: number;
}

export function fisherExact(table: Table2x2): FisherResult {
  const margins = marginsOf(table);
  return { p: twoSidedP(logDistribution(margins), table[0][0]) };
}

/**
 * The smallest two-sided p-value any table with these margins can give. The hypergeometric
 * distribution is unimodal, so the least probable table — and hence the smallest p — is at one
 * end of the support. If even this is not small, no arrangement of the answers could show a
 * difference: the data are too few to test.
 */
export function fisherMinimumP(margins: Margins2x2): number {
  const { row1, row2, col1 } = margins;
  for (const v of [row1, row2, col1]) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`Margins need non-negative integers, got ${v}`);
  }
  if (col1 > row1 + row2) throw new RangeError(`Column total ${col1} exceeds the table total ${row1 + row2}`);
  const dist = logDistribution(margins);
  const lo = dist.lo;
  const hi = lo + dist.logWeights.length - 1;
  return Math.min(twoSidedP(dist, lo), twoSidedP(dist, hi));
}
