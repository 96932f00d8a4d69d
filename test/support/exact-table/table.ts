/**
 * The table model that disclosure control works on: a two-dimensional table of counts
 * (for example answers × sex, or unit × sex) published together with its row totals, column totals
 * and grand total.
 *
 * Everything is done on the EXTENDED grid of (rows + 1) × (columns + 1) cells: the interior counts,
 * then a last column of row totals, a last row of column totals and the grand total in the corner.
 * In that grid every line obeys the same equation, "the interior cells of the line add up to the
 * line's margin cell" — for the totals row it says that the column totals add up to the grand total.
 * So a margin is simply a cell like any other: it can be suppressed, it counts towards the
 * two-per-line rule, and it takes part in every equation an outsider could use.
 *
 * Scope. The functions take one 2-D table. A caller with a bigger cross-classification (question ×
 * sex × unit) applies them to each 2-D slice separately (one slice per unit, say). That protects each
 * slice against its own margins only. It does NOT protect against equations that link the slices: if
 * the sum over units (the question × sex table for the whole review) is also published, a cell hidden
 * in one unit's slice can be recovered as the published total minus the other units' published cells.
 * Linked and hierarchical tables (slices sharing margins, or a total table next to its breakdowns)
 * are out of scope here: such a caller must either not publish the cross-slice aggregates or protect
 * the whole cross-classification jointly (future work).
 */

/** A cell of the extended grid: `row === rows` is the totals row, `col === cols` the totals column. */
export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/** The interior counts (rows × columns), each a non-negative integer. */
export type Counts = readonly (readonly number[])[];

/** One flag per cell of the extended grid, true where the cell is suppressed. */
export type SuppressionMask = readonly (readonly boolean[])[];

export interface TableShape {
  /** Interior rows; the extended grid has one more (the column totals). */
  readonly rows: number;
  /** Interior columns; the extended grid has one more (the row totals). */
  readonly cols: number;
}

/**
 * Checks that `counts` is a non-empty rectangle of non-negative safe integers and returns its shape.
 * The counts come from our own aggregates, so a bad table is a programming error, not user input:
 * it is thrown, never shown.
 */
export function tableShape(counts: Counts): TableShape {
  const rows = counts.length;
  const cols = rows === 0 ? 0 : counts[0].length;
  if (rows === 0 || cols === 0) throw new RangeError('disclosure: a table needs at least one row and one column');
  counts.forEach((line, row) => {
    if (line.length !== cols) throw new RangeError(`disclosure: row ${row} has ${line.length} cells, expected ${cols}`);
    line.forEach((value, col) => {
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new RangeError(`disclosure: cell (${row}, ${col}) is ${value}, expected a non-negative integer`);
      }
    });
  });
  return { rows, cols };
}

/** The extended grid: interior counts, row totals in the last column, column totals and the grand total in the last row. */
export function extendedGrid(counts: Counts): number[][] {
  const { rows, cols } = tableShape(counts);
  const grid = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const value = counts[row][col];
      grid[row][col] = value;
      grid[row][cols] += value;
      grid[rows][col] += value;
      grid[rows][cols] += value;
    }
  }
  return grid;
}

export function isMarginCell(shape: TableShape, cell: CellRef): boolean {
  return cell.row === shape.rows || cell.col === shape.cols;
}

/**
 * A line of the extended grid: one of its rows (`kind: 'row'`, index 0..rows) or one of its columns
 * (`kind: 'col'`, index 0..cols). Each line is one published equation.
 */
export interface Line {
  readonly kind: 'row' | 'col';
  readonly index: number;
}

/** Every line of the extended grid in a fixed order: rows top to bottom, then columns left to right. */
export function allLines(shape: TableShape): Line[] {
  const lines: Line[] = [];
  for (let index = 0; index <= shape.rows; index++) lines.push({ kind: 'row', index });
  for (let index = 0; index <= shape.cols; index++) lines.push({ kind: 'col', index });
  return lines;
}

/** The cells of a line in grid order; the margin cell is the last one. */
export function lineCells(shape: TableShape, line: Line): CellRef[] {
  return line.kind === 'row'
    ? Array.from({ length: shape.cols + 1 }, (_, col) => ({ row: line.index, col }))
    : Array.from({ length: shape.rows + 1 }, (_, row) => ({ row, col: line.index }));
}

/** A mask of the extended grid with nothing suppressed. */
export function emptyMask(shape: TableShape): boolean[][] {
  return Array.from({ length: shape.rows + 1 }, () => new Array<boolean>(shape.cols + 1).fill(false));
}

export function checkMaskShape(shape: TableShape, mask: SuppressionMask): void {
  const ok = mask.length === shape.rows + 1 && mask.every((line) => line.length === shape.cols + 1);
  if (!ok) throw new RangeError(`disclosure: the mask must be ${shape.rows + 1} × ${shape.cols + 1} (the table with its totals)`);
}
