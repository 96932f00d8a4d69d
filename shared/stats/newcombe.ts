import { wilsonInterval, Z_95 } from './wilson';

/**
 * The 95 % interval for the difference between two independent proportions x1/n1 − x2/n2 by
 * Newcombe's hybrid score method (method 10 in R. G. Newcombe, "Interval estimation for the
 * difference between independent proportions: comparison of eleven methods", Statistics in
 * Medicine 17 (1998) 873–890): each proportion's Wilson score interval (no continuity correction),
 * combined as
 *   lower = d − √((p1 − l1)² + (u2 − p2)²),  upper = d + √((u1 − p1)² + (p2 − l2)²).
 * It keeps its coverage for small groups and shares near 0 or 1, where the textbook Wald interval
 * fails, and never leaves [−1, 1].
 */
export interface DifferenceInterval {
  /** p1 − p2 */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/** null where either group has nothing to divide by. */
export function newcombeInterval(x1: number, n1: number, x2: number, n2: number, z: number = Z_95): DifferenceInterval | null {
  const first = wilsonInterval(x1, n1, z);
  const second = wilsonInterval(x2, n2, z);
  if (!first || !second) return null;
  const estimate = first.estimate - second.estimate;
  const lower = estimate - Math.sqrt((first.estimate - first.lower) ** 2 + (second.upper - second.estimate) ** 2);
  const upper = estimate + Math.sqrt((first.upper - first.estimate) ** 2 + (second.estimate - second.lower) ** 2);
  return { estimate, lower: Math.max(-1, lower), upper: Math.min(1, upper) };
}
