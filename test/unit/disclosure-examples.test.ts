import { describe, expect, it } from 'vitest';
import { derivableCells } from '../../shared/disclosure/derivable';
import { linearlyDeterminedUnknowns } from '../../shared/disclosure/linear-determined';
import { publishedCount, publishedShare } from '../../shared/disclosure/share';
import { primarySuppression, publishedGrid, suppressTable, twoPerLineSuppression } from '../../shared/disclosure/suppress';
import { extendedGrid } from '../../shared/disclosure/table';

/** A mask of the extended grid from a picture: 'x' hidden, '.' published, one string per grid row. */
const maskOf = (...lines: string[]) => lines.map((line) => [...line].map((ch) => ch === 'x'));
const _ = null;

describe('the table model', () => {
  it('adds row totals, column totals and the grand total as the last column and row', () => {
    expect(extendedGrid([[1, 2], [3, 4], [5, 6]])).toEqual([[1, 2, 3], [3, 4, 7], [5, 6, 11], [9, 12, 21]]);
  });

  it('refuses tables that are not non-negative integer rectangles, and masks of the wrong size', () => {
    expect(() => extendedGrid([])).toThrow(RangeError);
    expect(() => extendedGrid([[]])).toThrow(RangeError);
    expect(() => extendedGrid([[1, 2], [3]])).toThrow(/row 1 has 1 cells/);
    expect(() => extendedGrid([[1, -1]])).toThrow(/cell \(0, 1\)/);
    expect(() => extendedGrid([[1.5, 1]])).toThrow(/cell \(0, 0\)/);
    expect(() => extendedGrid([[Number.NaN, 1]])).toThrow(RangeError);
    expect(() => derivableCells([[1, 2]], maskOf('xx.'))).toThrow(/2 × 3/);
  });
});

describe('primary suppression', () => {
  it('hides counts 1..threshold−1 in cells and totals alike, never a zero', () => {
    // Grid: [0 4 | 4], [5 7 | 12], [5 11 | 16]: the 4 and its row total 4 are small.
    expect(primarySuppression([[0, 4], [5, 7]])).toEqual(maskOf('.xx', '...', '...'));
    expect(primarySuppression([[0, 4], [5, 7]], 6)).toEqual(maskOf('.xx', 'x..', 'x..'));
  });

  it('hides nothing with threshold 1, and refuses a threshold that is not a whole number ≥ 1', () => {
    expect(primarySuppression([[1, 2], [0, 1]], 1).flat().some(Boolean)).toBe(false);
    expect(() => primarySuppression([[1]], 0)).toThrow(/threshold/);
    expect(() => suppressTable([[1]], { threshold: 2.5 })).toThrow(/threshold/);
  });
});

describe('secondary suppression, by hand', () => {
  it('3×2: one small cell forces a second in its row and its column, and the corner closes the rectangle', () => {
    // 2 is primary; row 0 takes 10 (smaller than the total 12), column 0 takes 8, then column 1 needs a
    // second and 12 also pairs row 1: the four corners of a rectangle, totals untouched.
    const table = suppressTable([[2, 10], [8, 12], [9, 15]]);
    expect(publishedGrid(table)).toEqual([
      [_, _, 12],
      [_, _, 20],
      [9, 15, 24],
      [19, 37, 56],
    ]);
    expect(table.primary).toEqual(maskOf('x..', '...', '...', '...'));
  });

  it('a row with a single non-zero: the cell and its (equally small) row total are hidden together', () => {
    // Row 0 is 3, 0, 0 with total 3: both 3s are primary, the zeros stay. The outsider knows the
    // cell equals the row total but neither value; column 0 and the totals column get a partner each.
    const table = suppressTable([[3, 0, 0], [6, 7, 8], [9, 6, 7]]);
    expect(publishedGrid(table)).toEqual([
      [_, 0, 0, _],
      [_, 7, 8, _],
      [9, 6, 7, 22],
      [18, 13, 15, 46],
    ]);
    expect(derivableCells([[3, 0, 0], [6, 7, 8], [9, 6, 7]], table.suppressed)).toEqual([]);
  });

  it('the two-per-line rule can hold while a cell is still derivable; the exactness check then hides more', () => {
    const counts = [[0, 23, 1], [29, 0, 5], [0, 7, 0]];
    const linesOnly = twoPerLineSuppression(counts, 3);
    for (const line of [...linesOnly, ...linesOnly[0].map((_c, col) => linesOnly.map((row) => row[col]))]) {
      expect(line.filter(Boolean).length).not.toBe(1);
    }
    // The 1 joins two otherwise separate groups of hidden cells (a bridge): subtracting the published
    // parts of row 0 and of the totals gives it back.
    expect(derivableCells(counts, linesOnly)).toEqual([{ row: 0, col: 2, reason: 'linear' }]);
    const table = suppressTable(counts, { threshold: 3 });
    expect(derivableCells(counts, table.suppressed)).toEqual([]);
    expect(table.suppressed[0][2]).toBe(true);
  });

  it('a bridge between two protected blocks of a 4×4 table is found although every line has two hidden cells', () => {
    const counts = [[10, 11, 12, 13], [14, 15, 16, 17], [18, 19, 20, 21], [22, 23, 24, 25]];
    const mask = maskOf('xx...', 'xxx..', '..xx.', '..xx.', '.....');
    expect(derivableCells(counts, mask)).toEqual([{ row: 1, col: 2, reason: 'linear' }]);
  });

  it('non-negativity: hidden cells that could only move by making a hidden zero negative are derivable', () => {
    // Row 0 is 0, 0 with published total 0. The rectangle leaves every cell free for the equations
    // alone, but any move changes the two zeros in opposite directions.
    expect(derivableCells([[0, 0], [5, 6]], maskOf('xx.', 'xx.', '...'))).toEqual([
      { row: 0, col: 0, reason: 'bounds' },
      { row: 0, col: 1, reason: 'bounds' },
      { row: 1, col: 0, reason: 'bounds' },
      { row: 1, col: 1, reason: 'bounds' },
    ]);
    // With non-zero values the same rectangle protects every cell.
    expect(derivableCells([[1, 2], [5, 6]], maskOf('xx.', 'xx.', '...'))).toEqual([]);
    // One hidden zero in the rectangle still lets it move one way (the zero rises): not derivable.
    expect(derivableCells([[3, 9], [0, 9]], maskOf('xx.', 'xx.', '...'))).toEqual([]);
  });

  it('prefers a non-zero partner to a zero, so protection is two-sided (at the cost of more hidden cells)', () => {
    // Hiding the 0 would close a rectangle with four cells, but a hidden zero can only rise, so the 3
    // could only be shown to be "at least 3". The non-zero partners let it move both ways.
    const table = suppressTable([[12, 3], [0, 9]]);
    expect(table.suppressed[1][0]).toBe(false);
    expect(publishedGrid(table)).toEqual([
      [_, _, _],
      [0, _, _],
      [_, _, 24],
    ]);
  });

  it('a table of zeros publishes everything; a single small cell hides its lines and totals', () => {
    expect(suppressTable([[0, 0], [0, 0]]).suppressed.flat().some(Boolean)).toBe(false);
    expect(publishedGrid(suppressTable([[2, 0], [0, 0]]))).toEqual([
      [_, 0, _],
      [0, 0, 0],
      [_, 0, _],
    ]);
  });
});

describe('linearlyDeterminedUnknowns (exact elimination)', () => {
  it('finds unknowns pinned by combinations, including ones that need fractions', () => {
    // 2x + y = a, x + y = b pin both (x = a − b); x + y alone pins neither; x + y, y + z, x + z pin all three.
    expect(linearlyDeterminedUnknowns([[2, 1], [1, 1]], 2)).toEqual([true, true]);
    expect(linearlyDeterminedUnknowns([[1, 1]], 2)).toEqual([false, false]);
    expect(linearlyDeterminedUnknowns([[1, 1, 0], [0, 1, 1], [1, 0, 1]], 3)).toEqual([true, true, true]);
    // x − y, y − z and a free w: only differences are known.
    expect(linearlyDeterminedUnknowns([[1, -1, 0, 0], [0, 1, -1, 0], [0, 0, 0, 0]], 4)).toEqual([false, false, false, false]);
    // 3x + 3y, 3y: the row gcd must not matter.
    expect(linearlyDeterminedUnknowns([[3, 3], [0, 3]], 2)).toEqual([true, true]);
  });
});

describe('publishedShare', () => {
  const count = (n: number, suppressed = false) => ({ count: n, suppressed });

  it('shows a share when nothing is hidden and the denominator is at least 10', () => {
    expect(publishedShare(count(3), count(10))).toEqual({ shown: true, share: 0.3 });
    expect(publishedShare(count(0), count(12))).toEqual({ shown: true, share: 0 });
    expect(publishedShare(count(5), count(8), 5)).toEqual({ shown: true, share: 0.625 });
  });

  it('withholds it, saying why, for a hidden denominator, a hidden numerator or a small (or zero) denominator', () => {
    expect(publishedShare(count(3), count(9))).toEqual({ shown: false, reason: 'denominator-too-small' });
    expect(publishedShare(count(0), count(0))).toEqual({ shown: false, reason: 'denominator-too-small' });
    expect(publishedShare(count(3, true), count(40))).toEqual({ shown: false, reason: 'numerator-suppressed' });
    expect(publishedShare(count(3), count(40, true))).toEqual({ shown: false, reason: 'denominator-suppressed' });
    expect(publishedShare(count(3, true), count(4, true))).toEqual({ shown: false, reason: 'denominator-suppressed' });
  });

  it('refuses impossible inputs', () => {
    expect(() => publishedShare(count(11), count(10))).toThrow(/exceeds/);
    expect(() => publishedShare(count(-1), count(10))).toThrow(/numerator/);
    expect(() => publishedShare(count(1), count(10), 0)).toThrow(/denominator/);
  });

  it('reads counts from a suppressed table: a share of a hidden cell is withheld', () => {
    const table = suppressTable([[2, 10], [8, 12], [9, 15]]);
    expect(publishedShare(publishedCount(table, { row: 0, col: 0 }), publishedCount(table, { row: 0, col: 2 }))).toEqual({
      shown: false,
      reason: 'numerator-suppressed',
    });
    expect(publishedShare(publishedCount(table, { row: 2, col: 0 }), publishedCount(table, { row: 2, col: 2 }))).toEqual({ shown: true, share: 9 / 24 });
    expect(() => publishedCount(table, { row: 4, col: 0 })).toThrow(/outside/);
  });
});
