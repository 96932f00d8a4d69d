import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fisherExact } from '../../shared/stats/fisher';
import { decimalsToDistinguish, formatPercent, formatPValue } from '../../shared/stats/format-stats';
import { compareSexes, MIN_APPLICABLE_PER_GROUP } from '../../shared/stats/verdict';

const NBSP = '\u00a0';
const TOO_SMALL = 'Underlaget är för litet för att dra slutsatser.';

describe('formatting for sentences', () => {
  it('percentages are whole numbers with a no-break space, as sv-SE writes them', () => {
    expect(formatPercent(0.45)).toBe(`45${NBSP}%`);
    expect(formatPercent(0.2195)).toBe(`22${NBSP}%`);
    expect(formatPercent(1)).toBe(`100${NBSP}%`);
    expect(formatPercent(0)).toBe(`0${NBSP}%`);
    expect(formatPercent(0.4512, 1)).toBe(`45,1${NBSP}%`);
    expect(formatPercent(0.45)).toBe(new Intl.NumberFormat('sv-SE', { style: 'percent' }).format(0.45));
  });

  it('uses as many decimals as it takes to tell two different shares apart', () => {
    expect(decimalsToDistinguish(0.45, 0.22)).toBe(0);
    expect(decimalsToDistinguish(0.452, 0.448)).toBe(1);
    expect(decimalsToDistinguish(0.4512, 0.4508)).toBe(2);
  });

  it.each([
    { p: 0.41, text: 'p = 0,41' },
    { p: 0.0312, text: 'p = 0,03' },
    { p: 1, text: 'p = 1' },
    { p: 0.004, text: 'p = 0,004' },
    { p: 0.0009, text: 'p < 0,001' },
    { p: 0, text: 'p < 0,001' },
    // Significant, but two decimals would say 0,05: three decimals keep it below the level.
    { p: 0.0494, text: 'p = 0,049' },
    // Significant and even three decimals would say 0,05.
    { p: 0.04996, text: 'p < 0,05' },
    // Not significant: rounding to the level itself is honest.
    { p: 0.0504, text: 'p = 0,05' },
  ])('$p → "$text"', ({ p, text }) => {
    expect(formatPValue(p)).toBe(text);
  });

  it('refuses NaN and Infinity rather than printing them', () => {
    expect(() => formatPercent(Number.NaN)).toThrow(RangeError);
    expect(() => formatPValue(Infinity)).toThrow(RangeError);
  });
});

describe('girls vs boys verdict: the three codes', () => {
  it('difference: the sentence names the higher group first, with shares and Fisher p', () => {
    const verdict = compareSexes({ yes: 18, applicable: 40 }, { yes: 9, applicable: 41 }, 'barn');
    expect(verdict.code).toBe('difference');
    expect(verdict.tooSmallReason).toBeUndefined();
    expect(verdict.p).toBeLessThan(0.05);
    expect(verdict.text).toBe(
      `Andelen ja är högre för flickor (45${NBSP}%) än för pojkar (22${NBSP}%); skillnaden är statistiskt säkerställd (Fishers exakta test, p = 0,04).`,
    );
    expect(verdict.female.share).toBe(18 / 40);
    expect(verdict.female.interval!.lower).toBeLessThan(0.45);
  });

  it('difference in the other direction, for adults', () => {
    const verdict = compareSexes({ yes: 9, applicable: 41 }, { yes: 18, applicable: 40 }, 'vuxna');
    expect(verdict.code).toBe('difference');
    expect(verdict.text).toMatch(/^Andelen ja är högre för män \(45\u00a0%\) än för kvinnor \(22\u00a0%\); /);
  });

  it('difference shaped like reference 002: school contacted for boys 34 % and girls 22 % of investigations', () => {
    // 935 investigations (41 % of 2 281), 55 % boys: 514 boys of whom 175 (34 %), 421 girls of whom 93 (22 %).
    const verdict = compareSexes({ yes: 93, applicable: 421 }, { yes: 175, applicable: 514 }, 'barn');
    expect(verdict.code).toBe('difference');
    expect(verdict.text).toBe(
      `Andelen ja är högre för pojkar (34${NBSP}%) än för flickor (22${NBSP}%); skillnaden är statistiskt säkerställd (Fishers exakta test, p < 0,001).`,
    );
  });

  it('difference on a large sample where the shares differ only after the decimal comma', () => {
    const verdict = compareSexes({ yes: 45_200, applicable: 100_000 }, { yes: 44_500, applicable: 100_000 }, 'barn');
    expect(verdict.code).toBe('difference');
    expect(verdict.text).toContain(`flickor (45,2${NBSP}%) än för pojkar (44,5${NBSP}%)`);
  });

  it('no_difference: the p-value of the test is given', () => {
    const verdict = compareSexes({ yes: 10, applicable: 22 }, { yes: 7, applicable: 20 }, 'barn');
    expect(verdict.code).toBe('no_difference');
    expect(verdict.p).toBeCloseTo(fisherExact([[10, 12], [7, 13]]).p, 15);
    expect(verdict.text).toBe(`Ingen skillnad mellan flickor och pojkar kan påvisas (${formatPValue(verdict.p)}).`);
    expect(verdict.text).toMatch(/^Ingen skillnad mellan flickor och pojkar kan påvisas \(p = 0,\d\d\)\.$/);
  });

  it('no_difference for adults uses kvinnor och män', () => {
    expect(compareSexes({ yes: 20, applicable: 40 }, { yes: 20, applicable: 40 }, 'vuxna').text).toBe(
      'Ingen skillnad mellan kvinnor och män kan påvisas (p = 1).',
    );
  });

  it('too_small when a group has fewer than 10 applicable answers, however extreme the shares', () => {
    const verdict = compareSexes({ yes: 9, applicable: 9 }, { yes: 0, applicable: 30 }, 'barn');
    expect(verdict.p).toBeLessThan(0.001); // significant, but 9 girls' share is not published
    expect(verdict.code).toBe('too_small');
    expect(verdict.tooSmallReason).toBe('few_answers');
    expect(verdict.text).toBe(TOO_SMALL);
  });

  it('too_small when no table with these margins could reach p < 0.05', () => {
    // 12 girls and 12 boys but only two ja in all: even both ja among the girls gives p ≈ 0.48.
    const verdict = compareSexes({ yes: 2, applicable: 12 }, { yes: 0, applicable: 12 }, 'barn');
    expect(verdict.code).toBe('too_small');
    expect(verdict.tooSmallReason).toBe('cannot_reach_significance');
    expect(verdict.minimumP).toBeGreaterThanOrEqual(0.05);
  });

  it('no_variation, neither "no difference" nor "too few", when everyone answered alike (issue 14)', () => {
    const verdict = compareSexes({ yes: 50, applicable: 50 }, { yes: 50, applicable: 50 }, 'barn');
    expect(verdict.code).toBe('no_variation');
    expect(verdict.tooSmallReason).toBeUndefined();
  });
});

describe('girls vs boys verdict: edge cases', () => {
  it('all cases of one sex: the other group is empty, no share, no interval, no NaN', () => {
    const verdict = compareSexes({ yes: 12, applicable: 30 }, { yes: 0, applicable: 0 }, 'barn');
    expect(verdict.code).toBe('too_small');
    expect(verdict.male.share).toBeNull();
    expect(verdict.male.interval).toBeNull();
    expect(verdict.p).toBe(1);
    expect(verdict.text).toBe(TOO_SMALL);
  });

  it('no applicable answers at all (only ej_tillampligt)', () => {
    const verdict = compareSexes({ yes: 0, applicable: 0 }, { yes: 0, applicable: 0 }, 'vuxna');
    expect(verdict).toMatchObject({ code: 'too_small', p: 1, minimumP: 1, text: TOO_SMALL });
    expect(verdict.female.share).toBeNull();
  });

  it('n = 1 in each group', () => {
    const verdict = compareSexes({ yes: 1, applicable: 1 }, { yes: 0, applicable: 1 }, 'barn');
    expect(verdict.code).toBe('too_small');
    expect(verdict.female.interval!.upper).toBe(1);
    expect(verdict.male.interval!.lower).toBe(0);
  });

  it('exactly 10 applicable answers per group is enough to test', () => {
    const verdict = compareSexes({ yes: 10, applicable: MIN_APPLICABLE_PER_GROUP }, { yes: 0, applicable: MIN_APPLICABLE_PER_GROUP }, 'barn');
    expect(verdict.code).toBe('difference');
    expect(verdict.text).toContain(`flickor (100${NBSP}%) än för pojkar (0${NBSP}%)`);
  });

  it.each([
    { female: { yes: 3, applicable: 2 }, male: { yes: 0, applicable: 10 } },
    { female: { yes: -1, applicable: 10 }, male: { yes: 0, applicable: 10 } },
    { female: { yes: 1, applicable: 10 }, male: { yes: 0.5, applicable: 10 } },
    { female: { yes: 1, applicable: 10 }, male: { yes: 0, applicable: Number.NaN } },
  ])('impossible counts are a programming error: $female / $male', ({ female, male }) => {
    expect(() => compareSexes(female, male, 'barn')).toThrow(RangeError);
  });

  it('every valid input gives one of the four sentences, without NaN or Infinity (random counts)', () => {
    const group = fc.integer({ min: 0, max: 300 }).chain((applicable) => fc.record({ yes: fc.integer({ min: 0, max: applicable }), applicable: fc.constant(applicable) }));
    fc.assert(
      fc.property(group, group, fc.constantFrom('barn' as const, 'vuxna' as const), (female, male, population) => {
        const verdict = compareSexes(female, male, population);
        expect(verdict.text).not.toMatch(/NaN|Infinity|undefined|null/);
        expect(['difference', 'no_difference', 'too_small', 'no_variation']).toContain(verdict.code);
        if (verdict.code === 'too_small') expect(verdict.text).toBe(TOO_SMALL);
        else expect(verdict.p < 0.05).toBe(verdict.code === 'difference');
        const alike = female.yes + male.yes === 0 || female.yes + male.yes === female.applicable + male.applicable;
        if (female.applicable < 10 || male.applicable < 10) expect(verdict.code).toBe('too_small');
        else if (alike) expect(verdict.code).toBe('no_variation');
        else if (verdict.minimumP >= 0.05) expect(verdict.code).toBe('too_small');
        const names = population === 'barn' ? ['flickor', 'pojkar'] : ['kvinnor', 'män'];
        if (verdict.code !== 'too_small') for (const name of names) expect(verdict.text).toContain(name);
      }),
      { numRuns: 1000 },
    );
  });
});
