/**
 * Which unknowns of a homogeneous-coefficient linear system A·x = b are pinned to one value for every
 * REAL solution, whatever b is (provided the system is consistent). Unknown k is pinned exactly when
 * the unit vector e_k lies in the row space of A: then some combination of the equations reads
 * "x_k = number".
 *
 * The test is exact: A is brought to reduced row echelon form in BigInt integers, each row kept
 * divided by the gcd of its entries (fraction-free, so no rounding can hide or invent a dependency).
 * In reduced form e_k is in the row space iff k is a pivot column whose row has no other non-zero
 * entry — any combination of the rows that cancels every other pivot column is a multiple of that row.
 */
export function linearlyDeterminedUnknowns(matrix: readonly (readonly number[])[], unknowns: number): boolean[] {
  const rows = matrix.map((line) => {
    if (line.length !== unknowns) throw new RangeError('disclosure: every equation needs one coefficient per unknown');
    return line.map((a) => BigInt(a));
  });
  const pivotRowOfColumn = new Map<number, number>();
  let nextPivotRow = 0;
  for (let col = 0; col < unknowns && nextPivotRow < rows.length; col++) {
    const found = rows.findIndex((line, index) => index >= nextPivotRow && line[col] !== 0n);
    if (found < 0) continue;
    [rows[nextPivotRow], rows[found]] = [rows[found], rows[nextPivotRow]];
    const pivotLine = rows[nextPivotRow];
    const pivot = pivotLine[col];
    for (let index = 0; index < rows.length; index++) {
      const factor = rows[index][col];
      if (index === nextPivotRow || factor === 0n) continue;
      rows[index] = normalise(rows[index].map((a, j) => a * pivot - pivotLine[j] * factor));
    }
    pivotRowOfColumn.set(col, nextPivotRow);
    nextPivotRow++;
  }
  return Array.from({ length: unknowns }, (_, col) => {
    const pivotRow = pivotRowOfColumn.get(col);
    return pivotRow !== undefined && rows[pivotRow].every((a, j) => j === col || a === 0n);
  });
}

function normalise(line: bigint[]): bigint[] {
  const divisor = line.reduce((g, a) => gcd(g, a < 0n ? -a : a), 0n);
  return divisor > 1n ? line.map((a) => a / divisor) : line;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
