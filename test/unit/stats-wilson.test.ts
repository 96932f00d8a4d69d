import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval, Z_95 } from '../../shared/stats/wilson';

/**
 * The Wilson interval in its textbook form, (x + z²/2 ± z·√(x(n−x)/n + z²/4)) / (n + z²) — a
 * different arrangement of the formula from the implementation (which follows R's prop.test
 * source), so agreement checks the algebra as well as the arithmetic.
 */
function textbookWilson(x: number, n: number): [number, number] {
  const z2 = Z_95 * Z_95;
  const centre = x + z2 / 2;
  const half = Z_95 * Math.sqrt((x * (n - x)) / n + z2 / 4);
  return [(centre - half) / (n + z2), (centre + half) / (n + z2)];
}

describe('Wilson interval: R prop.test(x, n, correct = FALSE)$conf.int', () => {
  // Reference values as printed by R 4.x:
  //   prop.test(45, 100, correct = FALSE)$conf.int → 0.3561454 0.5475540
  //   prop.test(0, 10, correct = FALSE)$conf.int   → 0.0000000 0.2775328
  //   prop.test(10, 10, correct = FALSE)$conf.int  → 0.7224672 1.0000000
  it.each([
    { x: 45, n: 100, lower: 0.3561454, upper: 0.547554 },
    { x: 0, n: 10, lower: 0, upper: 0.2775328 },
    { x: 10, n: 10, lower: 0.7224672, upper: 1 },
  ])('x = $x, n = $n → [$lower, $upper]', ({ x, n, lower, upper }) => {
    const interval = wilsonInterval(x, n);
    expect(interval).not.toBeNull();
    expect(interval!.estimate).toBe(x / n);
    expect(interval!.lower).toBeCloseTo(lower, 7);
    expect(interval!.upper).toBeCloseTo(upper, 7);
  });

  it('x = 0 gives a lower limit of exactly 0 and x = n an upper limit of exactly 1, as in R', () => {
    for (const n of [1, 2, 7, 100, 2281]) {
      expect(wilsonInterval(0, n)!.lower).toBe(0);
      expect(wilsonInterval(n, n)!.upper).toBe(1);
    }
  });

  it('n = 1: both answers give a proper interval', () => {
    const yes = wilsonInterval(1, 1)!;
    const no = wilsonInterval(0, 1)!;
    expect(yes.upper).toBe(1);
    expect(no.lower).toBe(0);
    expect(yes.lower).toBeCloseTo(textbookWilson(1, 1)[0], 14);
    expect(no.upper).toBeCloseTo(textbookWilson(0, 1)[1], 14);
  });

  it('n = 0 has no interval (null, never NaN)', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it.each([
    { x: -1, n: 10 },
    { x: 11, n: 10 },
    { x: 1.5, n: 10 },
    { x: 0, n: -1 },
    { x: Number.NaN, n: 10 },
    { x: 0, n: Infinity },
  ])('x = $x, n = $n is a programming error', ({ x, n }) => {
    expect(() => wilsonInterval(x, n)).toThrow(RangeError);
  });
});

describe('Wilson interval: properties', () => {
  const xn = fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  it('matches the textbook formula, lies in [0, 1] and contains x/n', () => {
    fc.assert(
      fc.property(xn, ([x, n]) => {
        const { estimate, lower, upper } = wilsonInterval(x, n)!;
        const [textbookLower, textbookUpper] = textbookWilson(x, n);
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower).toBeLessThanOrEqual(estimate);
        expect(upper).toBeGreaterThanOrEqual(estimate);
        expect(lower).toBeLessThan(upper);
        expect(Math.abs(lower - Math.max(0, textbookLower))).toBeLessThan(1e-12);
        expect(Math.abs(upper - Math.min(1, textbookUpper))).toBeLessThan(1e-12);
      }),
      { numRuns: 3000 },
    );
  });

  it('is mirrored when ja and nej swap: (n − x, n) gives [1 − upper, 1 − lower]', () => {
    fc.assert(
      fc.property(xn, ([x, n]) => {
        const interval = wilsonInterval(x, n)!;
        const mirror = wilsonInterval(n - x, n)!;
        expect(Math.abs(mirror.lower - (1 - interval.upper))).toBeLessThan(1e-12);
        expect(Math.abs(mirror.upper - (1 - interval.lower))).toBeLessThan(1e-12);
      }),
      { numRuns: 1000 },
    );
  });

  it('narrows as the same share rests on more answers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 2, max: 50 }), (x0, extra, k) => {
        const n0 = x0 + extra;
        const small = wilsonInterval(x0, n0)!;
        const large = wilsonInterval(x0 * k, n0 * k)!;
        expect(large.upper - large.lower).toBeLessThan(small.upper - small.lower);
      }),
      { numRuns: 500 },
    );
  });
});
