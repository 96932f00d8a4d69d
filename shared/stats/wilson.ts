/**
 * Wilson score 95 % interval for a proportion x/n, without continuity correction — the interval of
 * R's `prop.test(x, n, correct = FALSE)$conf.int`, written the way R's source writes it so the
 * digits agree. Like R, the lower limit is exactly 0 when x = 0 and the upper exactly 1 when x = n.
 */

/** qnorm(0.975), the two-sided 95 % normal quantile R uses. */
export const Z_95 = 1.959963984540054;

export interface WilsonInterval {
  /** x / n */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/** `null` when n = 0: there is no proportion and so no interval (never NaN). */
export function wilsonInterval(x: number, n: number, z: number = Z_95): WilsonInterval | null {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isSafeInteger(x) || x < 0 || x > n) throw new RangeError(`x must be an integer in [0, n], got ${x} of ${n}`);
  if (!(z > 0) || !Number.isFinite(z)) throw new RangeError(`z must be positive and finite, got ${z}`);
  if (n === 0) return null;
  const estimate = x / n;
  const z22n = (z * z) / (2 * n);
  const centre = estimate + z22n;
  const half = z * Math.sqrt((estimate * (1 - estimate)) / n + z22n / (2 * n));
  const denominator = 1 + 2 * z22n;
  const lower = x === 0 ? 0 : (centre - half) / denominator;
  const upper = x === n ? 1 : (centre + half) / denominator;
  // In exact arithmetic lower ≤ x/n ≤ upper within [0, 1]; clamping keeps that true after rounding.
  return {
    estimate,
    lower: Math.max(0, Math.min(lower, estimate)),
    upper: Math.min(1, Math.max(upper, estimate)),
  };
}
