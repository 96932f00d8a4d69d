import { compareCodeUnits } from './order';

export interface UnitSize {
  unit: string;
  size: number;
}

/**
 * Splits a total sample of n over units in proportion to their frame sizes with the largest
 * remainder (Hamilton) method: unit u's quota is n·size_u / N (N = all cases); each unit first gets
 * the whole part of its quota, then the seats still missing go one each to the units with the
 * largest fractional parts. Ties in the fractional part go to the larger frame, then to the unit
 * name that comes first in code-unit order — a rule one can apply by hand.
 *
 * Everything is done in integers (the fractional part of n·size/N is compared as the remainder
 * n·size mod N), so no rounding error can move a seat. Returns counts in the input's order; they
 * sum to n whenever N > 0. When n exceeds N some counts exceed their frame: the caller reports that
 * shortfall.
 */
export function allocateProportionally(n: number, sizes: readonly UnitSize[]): number[] {
  const total = sizes.reduce((sum, u) => sum + u.size, 0);
  if (total === 0) return sizes.map(() => 0);
  const shares = sizes.map((u, index) => {
    const remainder = (n * u.size) % total;
    // Subtracting the remainder first makes the division exact, so no floating-point floor is involved.
    return { index, unit: u.unit, size: u.size, whole: (n * u.size - remainder) / total, remainder };
  });
  const counts = shares.map((s) => s.whole);
  let missing = n - counts.reduce((sum, c) => sum + c, 0);
  const byRemainder = [...shares].sort(
    (a, b) => b.remainder - a.remainder || b.size - a.size || compareCodeUnits(a.unit, b.unit),
  );
  for (const share of byRemainder) {
    if (missing === 0) break;
    counts[share.index]++;
    missing--;
  }
  return counts;
}
