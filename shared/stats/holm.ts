/**
 * Holm's step-down adjustment of p-values for testing several questions of one review (Holm 1979),
 * as R's `p.adjust(p, method = "holm")`: sorted ascending, the i-th of m is multiplied by m − i + 1,
 * kept monotone (never below the one before it) and capped at 1. It controls the chance of calling
 * any difference real when none is, over all the questions together, and is never less powerful
 * than Bonferroni. Returned in the input's order.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  for (const p of pValues) if (!(p >= 0 && p <= 1)) throw new RangeError(`holmAdjust: p must be in [0, 1], got ${p}`);
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
