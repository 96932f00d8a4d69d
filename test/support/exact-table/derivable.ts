import { linearlyDeterminedUnknowns } from './linear-determined';
import { allLines, checkMaskShape, extendedGrid, lineCells, tableShape, type CellRef, type Counts, type SuppressionMask, type TableShape } from './table';

/**
 * Why a suppressed cell can be worked back:
 * - `linear`: the published cells and margins pin it for every real solution of the line equations;
 * - `bounds`: the equations alone leave it free, but together with "no count is negative" only one
 *   value remains (typically because the only way to move it would push a hidden zero below zero).
 */
export type DerivableReason = 'linear' | 'bounds';

export interface DerivableCell extends CellRef {
  readonly reason: DerivableReason;
}

/**
 * The suppressed cells of the extended grid (see table.ts) whose true value an outsider can compute
 * from what is published — the unsuppressed cells and margins — knowing only that every count is a
 * non-negative number. Returned in grid order (row by row).
 *
 * Two exact checks:
 *
 * 1. Linear (general, exact rational arithmetic): the line equations restricted to the suppressed
 *    unknowns; a cell is derivable when its unit vector lies in their row space
 *    (linear-determined.ts).
 *
 * 2. Bounds: is the feasible interval of the cell, over all x ≥ 0 satisfying the equations, a single
 *    point? The set of solutions is a polytope containing the true table x. The cell can take another
 *    value iff some direction d with zero line sums and d_k ≠ 0 keeps x + εd ≥ 0, that is d ≥ 0 on
 *    every hidden cell whose true value is 0. For a 2-D table with margins the line equations form a
 *    network: flip the sign of the row and column totals (not the grand total) and every line of the
 *    extended grid sums to zero, so d is a circulation on the bipartite graph "grid row — grid column"
 *    whose edges are the suppressed cells (positive = flow row → column). Every circulation splits
 *    into directed cycles that agree with its signs (flow decomposition), so such a d exists iff a
 *    single directed cycle through the cell exists using, for each hidden zero, only the arc that
 *    raises it. That is a reachability question, answered exactly in O(cells²). Because the matrix is
 *    totally unimodular, a moving cycle moves the cell by whole units too, so "unique over the reals"
 *    and "unique over the integers" coincide here.
 *
 * Limits: the bounds check relies on the 2-D network structure and is not valid for 3-D or linked
 * tables. Neither check models an outsider who knows more than "non-negative": for example that a
 * hidden cell is a primary suppression and so lies in 1..threshold−1, or the suppression algorithm
 * itself. It decides derivability (a single value), not how wide the remaining interval is.
 */
export function derivableCells(counts: Counts, suppressed: SuppressionMask): DerivableCell[] {
  const shape = tableShape(counts);
  checkMaskShape(shape, suppressed);
  const grid = extendedGrid(counts);
  const hidden = suppressedCells(shape, suppressed);
  if (hidden.length === 0) return [];
  const pinned = linearlyDeterminedUnknowns(lineEquations(shape, hidden), hidden.length);
  const result: DerivableCell[] = [];
  hidden.forEach((cell, index) => {
    if (pinned[index]) result.push({ ...cell, reason: 'linear' });
    else if (!canMove(shape, grid, hidden, index)) result.push({ ...cell, reason: 'bounds' });
  });
  return result;
}

function suppressedCells(shape: TableShape, mask: SuppressionMask): CellRef[] {
  const cells: CellRef[] = [];
  for (let row = 0; row <= shape.rows; row++) {
    for (let col = 0; col <= shape.cols; col++) if (mask[row][col]) cells.push({ row, col });
  }
  return cells;
}

/** One equation per line of the extended grid: interior cells +1, the line's margin cell −1. */
function lineEquations(shape: TableShape, hidden: readonly CellRef[]): number[][] {
  const position = new Map(hidden.map((cell, index) => [key(cell), index]));
  return allLines(shape).map((line) => {
    const coefficients = new Array<number>(hidden.length).fill(0);
    const cells = lineCells(shape, line);
    cells.forEach((cell, i) => {
      const index = position.get(key(cell));
      if (index !== undefined) coefficients[index] = i === cells.length - 1 ? -1 : 1;
    });
    return coefficients;
  });
}

const key = (cell: CellRef) => `${cell.row},${cell.col}`;

/**
 * Is there a directed cycle through hidden cell `target` (see the comment on derivableCells)?
 * Nodes: grid rows 0..rows, then grid columns as rows+1+col. In the sign-flipped coordinates a row or
 * column total moves opposite to its flow, so "may rise" means: interior cells and the grand total may
 * flow row → column, row and column totals column → row. Every hidden non-zero may move both ways.
 */
function canMove(shape: TableShape, grid: readonly (readonly number[])[], hidden: readonly CellRef[], target: number): boolean {
  const nodes = shape.rows + 1 + shape.cols + 1;
  const rowNode = (cell: CellRef) => cell.row;
  const colNode = (cell: CellRef) => shape.rows + 1 + cell.col;
  const arcs: number[][] = Array.from({ length: nodes }, () => []);
  const targetArcs: Array<[number, number]> = [];
  hidden.forEach((cell, index) => {
    const flipped = (cell.row === shape.rows) !== (cell.col === shape.cols); // a row or column total, not the grand total
    const zero = grid[cell.row][cell.col] === 0;
    const forward = !zero || !flipped; // row → column
    const backward = !zero || flipped; // column → row
    const pairs: Array<[number, number]> = [];
    if (forward) pairs.push([rowNode(cell), colNode(cell)]);
    if (backward) pairs.push([colNode(cell), rowNode(cell)]);
    if (index === target) targetArcs.push(...pairs);
    else for (const [from, to] of pairs) arcs[from].push(to);
  });
  // A cycle through the target's arc from → to is a path back from `to` to `from` avoiding the target.
  return targetArcs.some(([from, to]) => reaches(arcs, to, from));
}

function reaches(arcs: readonly (readonly number[])[], start: number, goal: number): boolean {
  const seen = new Array<boolean>(arcs.length).fill(false);
  const stack = [start];
  seen[start] = true;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === goal) return true;
    for (const next of arcs[node]) {
      if (!seen[next]) {
        seen[next] = true;
        stack.push(next);
      }
    }
  }
  return false;
}
