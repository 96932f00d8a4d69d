import { derivableCells } from './derivable';
import { allLines, emptyMask, extendedGrid, lineCells, tableShape, type CellRef, type Counts, type Line, type SuppressionMask, type TableShape } from './table';

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** A table ready for publication: the extended grid (see table.ts) and which of its cells are hidden. */
export interface SuppressedTable {
  readonly shape: TableShape;
  readonly threshold: number;
  /** The extended grid: interior counts, row totals in the last column, column totals and grand total in the last row. */
  readonly grid: readonly (readonly number[])[];
  /** Cells hidden because they are small (1..threshold−1). */
  readonly primary: SuppressionMask;
  /** Every hidden cell: the primary ones and those hidden so that no hidden cell can be worked back. */
  readonly suppressed: SuppressionMask;
}

/**
 * Primary suppression: every published count from 1 to threshold−1 is hidden — interior cells AND
 * totals alike, because a small total ("3 girls at unit A") points at as few children as a small cell
 * does (DOMAIN.md §4: suppress 1–4 by default). A small total is therefore just another primary cell
 * of the extended grid: it takes part in the two-per-line rule of its own line (the totals column or
 * row) and in the exactness check like any other hidden cell.
 *
 * Zero is never primary: a zero points at nobody, so there is no child to identify, and DOMAIN.md's
 * rule is 1–4. (A zero does say that no-one in the group has the trait — group disclosure, e.g. "no
 * girl at unit A got a decision in time". That is a known limit of count-threshold rules and is left
 * to the inspector's judgement of the table as a whole.)
 */
export function primarySuppression(counts: Counts, threshold: number = DEFAULT_SUPPRESSION_THRESHOLD): boolean[][] {
  checkThreshold(threshold);
  const shape = tableShape(counts);
  const grid = extendedGrid(counts);
  const mask = emptyMask(shape);
  for (let row = 0; row <= shape.rows; row++) {
    for (let col = 0; col <= shape.cols; col++) {
      const value = grid[row][col];
      mask[row][col] = value >= 1 && value < threshold;
    }
  }
  return mask;
}

/**
 * Primary suppression, then secondary suppression until no hidden cell can be worked back.
 *
 * 1. Two per line: every line of the extended grid (interior rows and columns, the totals row and the
 *    totals column) holding exactly one hidden cell gets a second one, repeated until stable. One hidden
 *    cell alone in a line is its margin minus the published rest, so this is necessary.
 * 2. It is not sufficient: two separately protected blocks joined by a single hidden cell satisfy it
 *    and still give that cell away, and hidden zeros can block the only way a cell could move. So
 *    derivableCells() (exact) is run; while it finds a cell, one more cell in that cell's row or column
 *    is hidden (anywhere, if both lines are fully hidden) and step 1 is repeated. This always ends:
 *    each round hides one more cell, and with every cell hidden nothing is derivable (any interior cell
 *    can rise by one together with its row total, column total and grand total).
 *
 * Which cell to hide next, in order: a non-zero cell before a zero; then the smallest value (least
 * information lost); then a cell that also gives a second hidden cell to its other line (so fewer cells
 * are hidden in total); then grid order, row by row. Zeros come last although hiding one reveals
 * nothing, because a hidden zero can only move up: the cells it protects can then move one way only,
 * and the protected cell's true value becomes an end of the interval an outsider can compute. A zero is
 * hidden when a line offers nothing else, and the exactness check accounts for its one-sidedness.
 *
 * Deterministic: no randomness and fixed orders, so the same table always gives the same result.
 */
export function suppressTable(counts: Counts, options: { threshold?: number } = {}): SuppressedTable {
  const threshold = options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const shape = tableShape(counts);
  const grid = extendedGrid(counts);
  const primary = primarySuppression(counts, threshold);
  const suppressed = primary.map((line) => [...line]);
  for (;;) {
    enforceTwoPerLine(shape, grid, suppressed);
    const leaks = derivableCells(counts, suppressed);
    if (leaks.length === 0) break;
    const leak = leaks[0];
    const near = [...lineCells(shape, { kind: 'row', index: leak.row }), ...lineCells(shape, { kind: 'col', index: leak.col })];
    const pick = bestCandidate(shape, grid, suppressed, near) ?? bestCandidate(shape, grid, suppressed, everyCell(shape));
    if (!pick) break; // unreachable: with every cell hidden nothing is derivable (see above)
    suppressed[pick.row][pick.col] = true;
  }
  return { shape, threshold, grid, primary, suppressed };
}

/**
 * Step 1 of suppressTable alone (primary cells, then two hidden cells in every line that has any).
 * Not safe to publish by itself — it exists to show, and test, what the exactness check adds.
 */
export function twoPerLineSuppression(counts: Counts, threshold: number = DEFAULT_SUPPRESSION_THRESHOLD): boolean[][] {
  const shape = tableShape(counts);
  const mask = primarySuppression(counts, threshold);
  enforceTwoPerLine(shape, extendedGrid(counts), mask);
  return mask;
}

/** The published view of the extended grid: the count, or null where it is suppressed. */
export function publishedGrid(table: SuppressedTable): (number | null)[][] {
  return table.grid.map((line, row) => line.map((value, col) => (table.suppressed[row][col] ? null : value)));
}

function enforceTwoPerLine(shape: TableShape, grid: readonly (readonly number[])[], mask: boolean[][]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of allLines(shape)) {
      const cells = lineCells(shape, line);
      if (cells.filter((cell) => mask[cell.row][cell.col]).length !== 1) continue;
      const pick = bestCandidate(shape, grid, mask, cells, line);
      if (!pick) continue; // a line has at least two cells, so one is published: unreachable
      mask[pick.row][pick.col] = true;
      changed = true;
    }
  }
}

/**
 * The cell to hide next among `cells` (see suppressTable for the order). `servedLine`, when given, is
 * the line the cell is chosen for; only the cell's other line counts as "also paired".
 */
function bestCandidate(
  shape: TableShape,
  grid: readonly (readonly number[])[],
  mask: readonly (readonly boolean[])[],
  cells: readonly CellRef[],
  servedLine?: Line,
): CellRef | undefined {
  const hiddenIn = (line: Line) => lineCells(shape, line).filter((cell) => mask[cell.row][cell.col]).length;
  const rank = (cell: CellRef) => {
    const value = grid[cell.row][cell.col];
    const lines: Line[] = [
      { kind: 'row', index: cell.row },
      { kind: 'col', index: cell.col },
    ];
    const pairsALine = lines.some((line) => line.kind !== servedLine?.kind && hiddenIn(line) === 1);
    return [value === 0 ? 1 : 0, value, pairsALine ? 0 : 1, cell.row, cell.col];
  };
  let best: CellRef | undefined;
  let bestRank: number[] = [];
  for (const cell of cells) {
    if (mask[cell.row][cell.col]) continue;
    const candidate = rank(cell);
    if (!best || lexicographicallyBefore(candidate, bestRank)) {
      best = cell;
      bestRank = candidate;
    }
  }
  return best;
}

function lexicographicallyBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

function everyCell(shape: TableShape): CellRef[] {
  return Array.from({ length: (shape.rows + 1) * (shape.cols + 1) }, (_, i) => ({ row: Math.floor(i / (shape.cols + 1)), col: i % (shape.cols + 1) }));
}

function checkThreshold(threshold: number): void {
  if (!Number.isSafeInteger(threshold) || threshold < 1) {
    throw new RangeError(`disclosure: the threshold is ${threshold}, expected a whole number of at least 1`);
  }
}
