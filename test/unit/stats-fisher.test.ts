import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fisherExact, fisherMinimumP, marginsOf, type Table2x2 } from '../../shared/stats/fisher';

/*
 * The reference is exact arithmetic: every hypergeometric probability of a 2×2 table as a BigInt
 * numerator over the common denominator C(n, col1), R's two-sided rule applied to those integers
 * (w ≤ w_obs × (1 + 1e-7) ⇔ w·10^7 ≤ w_obs·(10^7 + 1)), and only the final ratio turned into a
 * double. Nothing in it shares code or rounding with the implementation.
 */
const factorials: bigint[] = [1n];
function factorial(n: number): bigint {
  for (let i = factorials.length; i <= n; i++) factorials.push(factorials[i - 1] * BigInt(i));
  return factorials[n];
}
const choose = (n: number, k: number): bigint => (k < 0 || k > n ? 0n : factorial(n) / (factorial(k) * factorial(n - k)));

/** num/den as a double with ~64 bits of relative precision, also for very small ratios. */
function ratioToNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = 64 - (num.toString(2).length - den.toString(2).length);
  const q = shift >= 0 ? (num << BigInt(shift)) / den : num / (den << BigInt(-shift));
  const half = Math.trunc(shift / 2);
  return Number(q) * 2 ** -half * 2 ** -(shift - half);
}

function exactP([[a, b], [c, d]]: Table2x2): number {
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const weight = (x: number): bigint => choose(row1, x) * choose(row2, col1 - x);
  const observed = weight(a);
  let num = 0n;
  for (let x = Math.max(0, col1 - row2); x <= Math.min(row1, col1); x++) {
    const w = weight(x);
    if (w * 10_000_000n <= observed * 10_000_001n) num += w;
  }
  return ratioToNumber(num, choose(row1 + row2, col1));
}

function expectRelativelyClose(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-300);
}

const table = (a: number, b: number, c: number, d: number): Table2x2 => [
  [a, b],
  [c, d],
];

describe('Fisher exact test: published reference values', () => {
  it('R fisher.test docs, "Tea tasting" (Agresti 1990): matrix(c(3,1,1,3),2) → p-value = 0.4857', () => {
    // Both tails count: the tables a=1 and a=3 are equally probable (a tie the tolerance must keep).
    const { p } = fisherExact(table(3, 1, 1, 3));
    expect(p).toBeCloseTo(0.4857, 4);
    expect(p).toBeCloseTo(34 / 70, 14);
  });

  it('R fisher.test docs, "Convictions" (Fisher 1962): matrix(c(2,10,15,3),2) → p-value = 0.0005367', () => {
    // matrix() fills by column: [[2, 15], [10, 3]].
    const { p } = fisherExact(table(2, 15, 10, 3));
    expect(p).toBeCloseTo(0.0005367, 7);
    expectRelativelyClose(p, exactP(table(2, 15, 10, 3)));
  });

  it('SciPy fisher_exact docs: [[8, 2], [1, 5]] → p-value 0.0349650…', () => {
    const { p } = fisherExact(table(8, 2, 1, 5));
    expect(p).toBeCloseTo(0.03496503496503, 12);
    expectRelativelyClose(p, exactP(table(8, 2, 1, 5)));
  });
});

describe('Fisher exact test: against exact rational enumeration', () => {
  it.each([
    table(0, 0, 0, 0),
    table(1, 0, 0, 0),
    table(0, 5, 0, 7),
    table(5, 0, 0, 5),
    table(1, 9, 11, 3),
    table(10, 10, 10, 10),
    table(12, 5, 3, 14),
    table(7, 17, 15, 5),
    table(0, 20, 20, 0),
    table(1, 1, 1, 1),
  ].map((t) => ({ t })))('$t', ({ t }) => {
    expectRelativelyClose(fisherExact(t).p, exactP(t));
  });

  it('a table exactly as probable as the observed one counts, though rounding sets them apart (R\'s 1 + 1e-7)', () => {
    // [[6, 14], [25, 14]]: a = 6 and another a of the same margins have equal probabilities in exact
    // arithmetic; computed in floating point they differ in the last bits, and without the
    // tolerance p would be 0.01577 instead of 0.02634.
    const t = table(6, 14, 25, 14);
    const weight = (x: number): bigint => choose(20, x) * choose(39, 31 - x);
    const ties = [];
    for (let x = 0; x <= 20; x++) if (x !== 6 && weight(x) === weight(6)) ties.push(x);
    expect(ties).toHaveLength(1);
    expectRelativelyClose(fisherExact(t).p, exactP(t));
    expect(fisherExact(t).p).toBeCloseTo(0.0263369908, 9);
  });

  it('a large table (n = 1 700): [[300, 500], [200, 700]] matches the exact value to 1e-9 relative', () => {
    const t = table(300, 500, 200, 700);
    const { p } = fisherExact(t);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-10);
    expectRelativelyClose(p, exactP(t));
  });

  it('a table the size of reference 002 (n = 2 281) matches the exact value', () => {
    const t = table(600, 426, 700, 555);
    expectRelativelyClose(fisherExact(t).p, exactP(t));
  });

  it('a large symmetric table keeps both equal tails: [[500, 300], [300, 500]]', () => {
    const t = table(500, 300, 300, 500);
    expectRelativelyClose(fisherExact(t).p, exactP(t));
    // The mirror table (a = 300) is exactly as probable, so the p-value is the same from either side.
    expect(fisherExact(table(300, 500, 500, 300)).p).toBeCloseTo(fisherExact(t).p, 15);
  });

  it('the large table: p falls strictly as the table moves away from independence', () => {
    let previous = 1;
    // The expected count of a under independence is 800 × 500 / 1 700 ≈ 235; a = 300 + k moves away.
    for (let k = 0; k <= 60; k += 10) {
      const { p } = fisherExact(table(300 + k, 500 - k, 200 - k, 700 + k));
      expect(p).toBeLessThan(previous);
      previous = p;
    }
  });

  it('counts far beyond the study (n = 200 000) give a finite, non-negative p without overflow', () => {
    const { p } = fisherExact(table(60_000, 40_000, 40_000, 60_000));
    expect(p).toBe(0); // the true value is far below the smallest double
    expect(fisherExact(table(50_000, 50_000, 50_100, 49_900)).p).toBeGreaterThan(0.5);
  });
});

describe('Fisher exact test: properties', () => {
  const count = fc.integer({ min: 0, max: 40 });
  const smallTable = fc.tuple(count, count, count, count).map(([a, b, c, d]) => table(a, b, c, d));

  it('p is in [0, 1] and equals the exact enumeration (2 000 random tables)', () => {
    fc.assert(
      fc.property(smallTable, (t) => {
        const { p } = fisherExact(t);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expectRelativelyClose(p, exactP(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('p does not change when rows are swapped, columns are swapped or the table is transposed', () => {
    fc.assert(
      fc.property(smallTable, ([[a, b], [c, d]]) => {
        const { p } = fisherExact(table(a, b, c, d));
        expectRelativelyClose(fisherExact(table(c, d, a, b)).p, p, 1e-12);
        expectRelativelyClose(fisherExact(table(b, a, d, c)).p, p, 1e-12);
        expectRelativelyClose(fisherExact(table(a, c, b, d)).p, p, 1e-12);
      }),
      { numRuns: 1000 },
    );
  });

  it('no table has a smaller p than the minimum attainable for its margins, and some table reaches it', () => {
    fc.assert(
      fc.property(smallTable, (t) => {
        const margins = marginsOf(t);
        const minimum = fisherMinimumP(margins);
        expect(fisherExact(t).p).toBeGreaterThanOrEqual(minimum * (1 - 1e-12));
        const { row1, row2, col1 } = margins;
        const ps: number[] = [];
        for (let a = Math.max(0, col1 - row2); a <= Math.min(row1, col1); a++) {
          ps.push(fisherExact(table(a, row1 - a, col1 - a, row2 - col1 + a)).p);
        }
        expectRelativelyClose(Math.min(...ps), minimum, 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('large random tables (counts up to 1 500) match the exact enumeration', () => {
    const big = fc.integer({ min: 0, max: 1500 });
    fc.assert(
      fc.property(fc.tuple(big, big, big, big), ([a, b, c, d]) => {
        const t = table(a, b, c, d);
        expectRelativelyClose(fisherExact(t).p, exactP(t), 1e-8);
      }),
      { numRuns: 25 },
    );
  });
});

describe('Fisher exact test: minimum attainable p', () => {
  it('one ja among 20 answers cannot show anything: every table has p = 1', () => {
    expect(fisherMinimumP({ row1: 10, row2: 10, col1: 1 })).toBe(1);
  });

  it('10 vs 10 with 10 ja can: all ja in one group gives p = 2 / C(20, 10)', () => {
    expectRelativelyClose(fisherMinimumP({ row1: 10, row2: 10, col1: 10 }), 2 / 184_756);
  });

  it('a group with no answers leaves only one table', () => {
    expect(fisherMinimumP({ row1: 0, row2: 12, col1: 5 })).toBe(1);
  });
});

describe('Fisher exact test: bad input is a programming error', () => {
  it.each([table(-1, 0, 0, 0), table(1.5, 0, 0, 0), table(Number.NaN, 0, 0, 0), table(Infinity, 0, 0, 0)].map((t) => ({ t })))('$t throws', ({ t }) => {
    expect(() => fisherExact(t)).toThrow(RangeError);
  });

  it('margins whose column total exceeds the table total throw', () => {
    expect(() => fisherMinimumP({ row1: 2, row2: 3, col1: 6 })).toThrow(RangeError);
  });
});
