import { describe, expect, it } from 'vitest';
import { linearlyDeterminedUnknowns } from '../support/exact-table/linear-determined';
import { checkMaskShape, extendedGrid, tableShape } from '../support/exact-table/table';

/*
 * The exact method the attacker's audit is checked against (test/unit/disclosure-audit.test.ts):
 * the extended grid of a table with its margins, and exact elimination over BigInt.
 */

/** A mask of the extended grid from a picture: 'x' hidden, '.' published, one string per grid row. */
const maskOf = (...lines: string[]) => lines.map((line) => [...line].map((ch) => ch === 'x'));

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
    expect(() => checkMaskShape(tableShape([[1, 2]]), maskOf('xx.'))).toThrow(/2 × 3/);
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

