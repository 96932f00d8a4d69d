import { beforeAll, describe, expect, it } from 'vitest';
import { loadSolver } from '../../main/core/disclosure/highs-solver';
import { auditSystem, disclosureOf, intervalsOf, type IntervalSolver } from '../../shared/disclosure/audit';
import { derivableCells } from '../support/exact-table/derivable';
import { LinearSystemBuilder } from '../../shared/disclosure/linear-system';
import { prngFromSeed, randomBelow } from '../../shared/sampling/prng';

/**
 * The attacker's audit (docs/disclosure.md §5): HiGHS computes each hidden cell's feasible interval
 * over every non-negative solution of the published figures. Checked against intervals worked out by
 * hand, and against an independent exact method (derivable.ts: rational linear algebra plus a
 * cycle search) on hundreds of random suppressed 2-D tables with margins.
 */

let solver: IntervalSolver;
beforeAll(async () => {
  solver = await loadSolver();
});

describe('intervals worked out by hand', () => {
  it('a total with one published part leaves the other two their range', () => {
    const b = new LinearSystemBuilder();
    const [a, x, c] = [b.variable('a'), b.variable('x'), b.variable('c')];
    b.equal([a, x, c], 10, 'total');
    b.equal([a], 4, 'a');
    b.atMost([x], [a], 'x ≤ a');
    expect(intervalsOf(solver, b.build(), [[x], [c], [x, c]])).toEqual([
      { min: 0, max: 4 },
      { min: 2, max: 6 },
      { min: 6, max: 6 },
    ]);
  });

  it('a percentage and its denominator pin the numerator when the rounding is finer than one count', () => {
    const b = new LinearSystemBuilder();
    const [yes, other] = [b.variable('yes'), b.variable('other')];
    b.equal([yes, other], 12, 'n');
    // 5 of 12 = 41.67 %, printed 42 %: 41.5 %·12 = 4.98 ≤ yes ≤ 5.1.
    b.percent([yes], [yes, other], 42, 0, 'share');
    expect(intervalsOf(solver, b.build(), [[yes]])).toEqual([{ min: 5, max: 5 }]);
  });

  it('the same percentage without its denominator leaves the count open', () => {
    const b = new LinearSystemBuilder();
    const [yes, other] = [b.variable('yes'), b.variable('other')];
    b.atMost([yes, other], [b.variable('files', 21)], 'at most the files');
    b.percent([yes], [yes, other], 42, 0, 'share');
    expect(intervalsOf(solver, b.build(), [[yes]])[0].min).toBe(0);
  });

  it('an upper bound on an unknown is respected', () => {
    const b = new LinearSystemBuilder();
    const x = b.variable('x', 3);
    const y = b.variable('y');
    b.equal([x, y], 10, 'sum');
    expect(intervalsOf(solver, b.build(), [[y]])).toEqual([{ min: 7, max: 10 }]);
  });
});

describe('the verdict on an interval', () => {
  it('is disclosure for one value, and for a range inside 1..threshold−1', () => {
    expect(disclosureOf({ min: 3, max: 3 }, 5)).toBe('single-value');
    expect(disclosureOf({ min: 0, max: 0 }, 5)).toBe('single-value');
    expect(disclosureOf({ min: 1, max: 4 }, 5)).toBe('small-range');
    expect(disclosureOf({ min: 0, max: 4 }, 5)).toBeNull();
    expect(disclosureOf({ min: 3, max: 5 }, 5)).toBeNull();
  });

  it('stopping early on a true value gives the same verdict as both bounds', () => {
    const next = prngFromSeed('audit-early-exit');
    for (let round = 0; round < 40; round++) {
      const b = new LinearSystemBuilder();
      const cells = Array.from({ length: 6 }, (_, i) => b.variable(`c${i}`));
      const values = cells.map(() => randomBelow(next, 7));
      // Publish two random sums of the cells.
      for (let k = 0; k < 2; k++) {
        const picked = cells.filter(() => randomBelow(next, 2) === 1);
        if (picked.length > 0) b.equal(picked, picked.reduce((sum, c) => sum + values[c], 0), `sum ${k}`);
      }
      b.equal(cells, values.reduce((a, v) => a + v, 0), 'total');
      const system = b.build();
      const hidden = cells.map((c) => ({ id: `c${c}`, label: `c${c}`, cells: [c], value: values[c] }));
      const early = auditSystem(system, 3, hidden, 5, solver).disclosed.map((d) => d.id);
      const full = auditSystem(system, 3, hidden.map(({ value: _value, ...rest }) => rest), 5, solver).disclosed.map((d) => d.id);
      expect(early).toEqual(full);
    }
  });
});

describe('against the exact method on random 2-D tables', () => {
  it('a hidden cell has a single-value interval exactly when derivable.ts finds it derivable', () => {
    const next = prngFromSeed('audit-vs-exact');
    let derivable = 0;
    for (let round = 0; round < 300; round++) {
      const rows = 2 + randomBelow(next, 3);
      const cols = 2 + randomBelow(next, 3);
      const counts = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (randomBelow(next, 3) === 0 ? 0 : randomBelow(next, 9))));
      const grid = counts.map((line) => [...line, line.reduce((a, b) => a + b, 0)]);
      grid.push(Array.from({ length: cols + 1 }, (_, c) => grid.reduce((a, line) => a + line[c], 0)));
      const mask = grid.map((line) => line.map(() => randomBelow(next, 3) === 0));
      // The system: interior unknowns; every printed grid cell is an equation over them.
      const b = new LinearSystemBuilder();
      const cell = (r: number, c: number) => b.variable(`${r},${c}`);
      counts.forEach((line, r) => line.forEach((_, c) => cell(r, c)));
      const sumOf = (r: number, c: number): number[] =>
        r < rows && c < cols ? [cell(r, c)] : r < rows ? Array.from({ length: cols }, (_, j) => cell(r, j)) : c < cols ? Array.from({ length: rows }, (_, i) => cell(i, c)) : counts.flatMap((line, i) => line.map((_, j) => cell(i, j)));
      grid.forEach((line, r) => line.forEach((value, c) => !mask[r][c] && b.equal(sumOf(r, c), value, `${r},${c}`)));
      const hiddenCells = grid.flatMap((line, r) => line.map((_, c) => [r, c] as const)).filter(([r, c]) => mask[r][c]);
      if (hiddenCells.length === 0) continue;
      const intervals = intervalsOf(solver, b.build(), hiddenCells.map(([r, c]) => sumOf(r, c)));
      const exact = new Set(derivableCells(counts, mask).map((d) => `${d.row},${d.col}`));
      hiddenCells.forEach(([r, c], i) => {
        const single = intervals[i].min === intervals[i].max;
        expect(single, `cell ${r},${c} of ${JSON.stringify(grid)} hidden ${JSON.stringify(mask)}: ${JSON.stringify(intervals[i])}`).toBe(exact.has(`${r},${c}`));
        expect(intervals[i].min).toBeLessThanOrEqual(grid[r][c]);
        expect(intervals[i].max).toBeGreaterThanOrEqual(grid[r][c]);
        if (single) derivable++;
      });
    }
    // The tables are chosen so that both answers occur often.
    expect(derivable).toBeGreaterThan(50);
  });
});
