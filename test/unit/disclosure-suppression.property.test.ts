import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivableCells } from '../../shared/disclosure/derivable';
import { suppressTable } from '../../shared/disclosure/suppress';
import { extendedGrid } from '../../shared/disclosure/table';

/*
 * Suppression as properties, with the exactness claim checked by methods that share no code with
 * shared/disclosure beyond extendedGrid's summing: a hidden cell is shown NOT derivable by exhibiting a second non-negative integer
 * table that agrees with every published cell and margin but differs in that cell (found by search
 * and then verified by plain addition); a cell is linearly pinned iff it is a bridge of the graph
 * "grid row — grid column" whose edges are the hidden cells (a cycle through it would let it move).
 */

type Grid = number[][];
type Mask = boolean[][];

/**
 * Counts 0–30 with zeros and small ones much more likely, as in real unit × sex tables. Zero-heavy on
 * purpose: that is where the two-per-line rule alone leaves a derivable cell (about 1 table in 40),
 * so these runs exercise the exactness loop, not just the easy path.
 */
const countArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 30 }));
const tableArb = (rows: { min: number; max: number }, cols: { min: number; max: number }, cell: fc.Arbitrary<number>) =>
  fc
    .record({ rows: fc.integer(rows), cols: fc.integer(cols) })
    .chain(({ rows: r, cols: c }) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
const thresholdArb = fc.integer({ min: 3, max: 6 });

/** Does the grid's every line add up (interior cells = the line's last cell), with nothing negative? */
function isConsistentTable(grid: Grid): boolean {
  const rows = grid.length - 1;
  const cols = grid[0].length - 1;
  if (grid.some((line) => line.some((v) => v < 0))) return false;
  for (let r = 0; r <= rows; r++) if (grid[r].slice(0, cols).reduce((a, b) => a + b, 0) !== grid[r][cols]) return false;
  for (let c = 0; c <= cols; c++) if (grid.slice(0, rows).reduce((a, line) => a + line[c], 0) !== grid[rows][c]) return false;
  return true;
}

/**
 * Searches d ∈ {−1, 0, 1} on the hidden cells, d ≠ 0 at `target`, so that grid + d is again a
 * non-negative table with the same published cells. Exhaustive (with a line-sum cut), so `null`
 * means no such ±1 change exists. Throws if the search grows beyond a budget rather than guessing.
 */
function findAlternative(grid: Grid, mask: Mask, target: [number, number]): Grid | null {
  const rows = grid.length - 1;
  const cols = grid[0].length - 1;
  const hidden: Array<[number, number]> = [];
  for (let r = 0; r <= rows; r++) for (let c = 0; c <= cols; c++) if (mask[r][c]) hidden.push([r, c]);
  // Line ids: rows 0..rows, columns rows+1..; coefficient +1 interior, −1 for the line's margin.
  const linesOf = hidden.map(([r, c]) => [
    { line: r, coef: c === cols ? -1 : 1 },
    { line: rows + 1 + c, coef: r === rows ? -1 : 1 },
  ]);
  const remaining = new Array<number>(rows + cols + 2).fill(0);
  for (const entries of linesOf) for (const e of entries) remaining[e.line]++;
  const sums = new Array<number>(rows + cols + 2).fill(0);
  const d = new Array<number>(hidden.length).fill(0);
  let budget = 5_000_000;
  const search = (i: number): boolean => {
    if (--budget < 0) throw new Error('findAlternative: search budget exceeded');
    if (i === hidden.length) return true;
    const [r, c] = hidden[i];
    const isTarget = r === target[0] && c === target[1];
    for (const v of isTarget ? [1, -1] : [0, 1, -1]) {
      if (grid[r][c] + v < 0) continue;
      let ok = true;
      for (const e of linesOf[i]) {
        sums[e.line] += e.coef * v;
        remaining[e.line]--;
        if (Math.abs(sums[e.line]) > remaining[e.line]) ok = false;
      }
      d[i] = v;
      if (ok && search(i + 1)) return true;
      for (const e of linesOf[i]) {
        sums[e.line] -= e.coef * v;
        remaining[e.line]++;
      }
    }
    d[i] = 0;
    return false;
  };
  if (!search(0)) return null;
  const other = grid.map((line) => [...line]);
  hidden.forEach(([r, c], i) => (other[r][c] += d[i]));
  return other;
}

/** Is hidden cell `target` a bridge of the bipartite graph (grid rows, grid columns; hidden cells as edges)? */
function isBridge(mask: Mask, target: [number, number]): boolean {
  const rows = mask.length - 1;
  const cols = mask[0].length - 1;
  const seen = new Set<string>([`r${target[0]}`]);
  const queue = [`r${target[0]}`];
  while (queue.length > 0) {
    const node = queue.shift()!;
    const index = Number(node.slice(1));
    const neighbours =
      node[0] === 'r'
        ? Array.from({ length: cols + 1 }, (_, c) => [index, c] as const).filter(([r, c]) => mask[r][c] && !(r === target[0] && c === target[1])).map(([, c]) => `c${c}`)
        : Array.from({ length: rows + 1 }, (_, r) => [r, index] as const).filter(([r, c]) => mask[r][c] && !(r === target[0] && c === target[1])).map(([r]) => `r${r}`);
    for (const next of neighbours) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return !seen.has(`c${target[1]}`);
}

function hiddenCells(mask: Mask): Array<[number, number]> {
  return mask.flatMap((line, r) => line.flatMap((h, c) => (h ? [[r, c] as [number, number]] : [])));
}

/** Every hidden cell has a second valid table that differs there — verified by addition, not trusted. */
function expectNothingDerivable(grid: Grid, mask: Mask): void {
  for (const target of hiddenCells(mask)) {
    const other = findAlternative(grid, mask, target);
    expect(other, `cell ${target} can be worked back`).not.toBeNull();
    expect(isConsistentTable(other!)).toBe(true);
    expect(other![target[0]][target[1]]).not.toBe(grid[target[0]][target[1]]);
    grid.forEach((line, r) => line.forEach((v, c) => !mask[r][c] && expect(other![r][c]).toBe(v)));
  }
}

const RUNS = 400;
const RUNS_EXACT = 1500;

describe('suppressTable (fast-check, 2–6 rows × 2–4 columns, thresholds 3–6)', () => {
  const input = fc.record({ counts: tableArb({ min: 2, max: 6 }, { min: 2, max: 4 }, countArb), threshold: thresholdArb });

  it(`hides every count 1..threshold−1, interior and totals (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(input, ({ counts, threshold }) => {
        const table = suppressTable(counts, { threshold });
        extendedGrid(counts).forEach((line, r) =>
          line.forEach((v, c) => {
            if (v >= 1 && v < threshold) expect(table.suppressed[r][c]).toBe(true);
            if (table.primary[r][c]) expect(v >= 1 && v < threshold).toBe(true);
          }),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it(`leaves no hidden cell derivable: the checker finds none and a second valid table exists for each (${RUNS_EXACT} runs)`, () => {
    fc.assert(
      fc.property(input, ({ counts, threshold }) => {
        const table = suppressTable(counts, { threshold });
        const mask = table.suppressed.map((line) => [...line]);
        expect(derivableCells(counts, mask)).toEqual([]);
        expectNothingDerivable(extendedGrid(counts), mask);
        // The two-per-line rule holds too (necessary for the above).
        const lines = [...mask, ...mask[0].map((_, c) => mask.map((line) => line[c]))];
        for (const line of lines) expect(line.filter(Boolean).length).not.toBe(1);
      }),
      { numRuns: RUNS_EXACT },
    );
  });

  it(`is deterministic, whatever object the counts arrive in (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(input, ({ counts, threshold }) => {
        const copy = counts.map((line) => [...line]);
        expect(suppressTable(copy, { threshold })).toEqual(suppressTable(counts, { threshold }));
        expect(copy).toEqual(counts); // the input is not modified
      }),
      { numRuns: RUNS },
    );
  });

  it(`hides nothing when every count is at least the threshold (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        thresholdArb.chain((threshold) =>
          fc.record({ threshold: fc.constant(threshold), counts: tableArb({ min: 2, max: 6 }, { min: 2, max: 4 }, fc.integer({ min: threshold, max: 30 })) }),
        ),
        ({ counts, threshold }) => {
          const table = suppressTable(counts, { threshold });
          expect(table.suppressed.flat().some(Boolean)).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('derivableCells agrees with independent methods on arbitrary masks (fast-check)', () => {
  const input = tableArb({ min: 2, max: 3 }, { min: 2, max: 3 }, fc.integer({ min: 0, max: 4 })).chain((counts) =>
    fc.record({
      counts: fc.constant(counts),
      mask: fc.array(fc.array(fc.boolean(), { minLength: counts[0].length + 1, maxLength: counts[0].length + 1 }), {
        minLength: counts.length + 1,
        maxLength: counts.length + 1,
      }),
    }),
  );

  // "Not reported ⇒ a second table exists" is checked outright. The converse ("no ±1 change ⇒ truly
  // unique") leans on the line equations being totally unimodular: any other solution differs from x
  // along a cycle of ±1 steps, so searching ±1 changes is complete.
  it(`a cell is reported iff no second valid table differs there; "linear" iff it is a bridge (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(input, ({ counts, mask }) => {
        const grid = extendedGrid(counts);
        const reported = new Map(derivableCells(counts, mask).map((cell) => [`${cell.row},${cell.col}`, cell.reason]));
        for (const target of hiddenCells(mask)) {
          const reason = reported.get(target.join(','));
          const other = findAlternative(grid, mask, target);
          expect(reason !== undefined, `cell ${target}`).toBe(other === null);
          expect(reason === 'linear', `cell ${target}`).toBe(isBridge(mask, target));
        }
        for (const key of reported.keys()) expect(mask[Number(key.split(',')[0])][Number(key.split(',')[1])]).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
