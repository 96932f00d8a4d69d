import { describe, expect, it } from 'vitest';
import { fisherExact } from '../../shared/stats/fisher';
import { holmAdjust } from '../../shared/stats/holm';
import { newcombeInterval } from '../../shared/stats/newcombe';
import { belowLevel, compareSexes } from '../../shared/stats/verdict';

/**
 * The statistics behind the girls-vs-boys sentence that issue 14 asks to be honest: Newcombe's
 * interval for a difference, Holm's adjustment over a review's questions, p compared with 0.05 the
 * way R compares it, and "no variation" told apart from "too few".
 */

describe("Newcombe's hybrid score interval (method 10), against the published worked examples", () => {
  // R. G. Newcombe, Statistics in Medicine 17 (1998) 873–890, Table II, method 10.
  it.each([
    { x1: 56, n1: 70, x2: 48, n2: 80, lower: 0.0524, upper: 0.3339 },
    { x1: 9, n1: 10, x2: 3, n2: 10, lower: 0.1705, upper: 0.809 },
    { x1: 5, n1: 56, x2: 0, n2: 29, lower: -0.0381, upper: 0.1926 },
    { x1: 0, n1: 10, x2: 0, n2: 20, lower: -0.1611, upper: 0.2775 },
    { x1: 10, n1: 10, x2: 0, n2: 20, lower: 0.6791, upper: 1 },
  ])('$x1/$n1 − $x2/$n2: $lower to $upper', ({ x1, n1, x2, n2, lower, upper }) => {
    const interval = newcombeInterval(x1, n1, x2, n2)!;
    expect(interval.estimate).toBeCloseTo(x1 / n1 - x2 / n2, 12);
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  it('has no interval without applicable answers, and never leaves [−1, 1]', () => {
    expect(newcombeInterval(0, 0, 3, 10)).toBeNull();
    const extreme = newcombeInterval(30, 30, 0, 30)!;
    expect(extreme.upper).toBeLessThanOrEqual(1);
    expect(extreme.lower).toBeGreaterThan(0.8);
  });
});

describe("Holm's adjustment, as R's p.adjust(p, 'holm')", () => {
  it('matches R', () => {
    // p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm") → 0.05 0.08 0.09 0.09 0.09
    holmAdjust([0.01, 0.02, 0.03, 0.04, 0.05]).forEach((p, i) => expect(p).toBeCloseTo([0.05, 0.08, 0.09, 0.09, 0.09][i], 12));
    // In the input's order, capped at 1: p.adjust(c(0.04, 0.001, 0.5), "holm") → 0.08 0.003 0.5
    holmAdjust([0.04, 0.001, 0.5]).forEach((p, i) => expect(p).toBeCloseTo([0.08, 0.003, 0.5][i], 12));
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });
});

describe('p against 0.05, as R compares it', () => {
  it('girls 1 of 10 against boys 0 of 190: p = 0.05 exactly, not significant', () => {
    const { p } = fisherExact([
      [1, 9],
      [0, 190],
    ]);
    expect(p).toBeCloseTo(0.05, 12);
    expect(belowLevel(p)).toBe(false);
    expect(belowLevel(0.05 * (1 - 1e-9))).toBe(false);
    expect(belowLevel(0.0499)).toBe(true);
    expect(compareSexes({ yes: 1, applicable: 10 }, { yes: 0, applicable: 190 }, 'barn').code).not.toBe('difference');
  });

  it('girls 0 of 10 against boys 1 of 190 cannot reach significance: too few, by the rule on the margins', () => {
    const verdict = compareSexes({ yes: 0, applicable: 10 }, { yes: 1, applicable: 190 }, 'barn');
    expect(verdict.minimumP).toBeCloseTo(0.05, 12);
    expect(verdict).toMatchObject({ code: 'too_small', tooSmallReason: 'cannot_reach_significance' });
  });
});

describe('no variation is not "too few"', () => {
  it('every applicable answer ja, or none, for both groups of at least 10: nothing to test', () => {
    expect(compareSexes({ yes: 12, applicable: 12 }, { yes: 20, applicable: 20 }, 'barn')).toMatchObject({
      code: 'no_variation',
      text: 'Alla tillämpliga svar är ja, både för flickor och för pojkar; det finns ingen skillnad att pröva.',
    });
    expect(compareSexes({ yes: 0, applicable: 11 }, { yes: 0, applicable: 14 }, 'vuxna')).toMatchObject({
      code: 'no_variation',
      text: 'Inget av de tillämpliga svaren är ja, både för kvinnor och för män; det finns ingen skillnad att pröva.',
    });
    // Under 10 in a group it is still "too few".
    expect(compareSexes({ yes: 9, applicable: 9 }, { yes: 20, applicable: 20 }, 'barn').code).toBe('too_small');
  });
});
