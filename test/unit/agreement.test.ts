import { describe, expect, it } from 'vitest';
import { agreementReport, cohenKappa, fleissKappa, gwetAC1, krippendorffAlpha, percentAgreement, ratingsFrom, type Computed, type Ratings } from '../../shared/stats/agreement';

/*
 * The reference values of issue 18 (recomputed with R's irr 0.84.1 and irrCAC, checked against
 * scikit-learn), with their data copied here: the tests never read files outside the repository.
 */

const value = (result: Computed): number => {
  if (!result.ok) throw new Error(`not computable: ${result.reason}`);
  return result.value;
};
/** Pairs of two raters from a contingency table given as [rating1, rating2, count] cells. */
const fromCells = <T>(cells: [T, T, number][]): [T, T][] => cells.flatMap(([a, b, count]) => Array.from({ length: count }, () => [a, b] as [T, T]));
const columns = <T>(...raters: T[][]): T[][] => raters[0].map((_, item) => raters.map((r) => r[item]));
const ONE_TO_FIVE = [1, 2, 3, 4, 5];

describe('reference 1: the worked example of "Cohen\'s kappa" on Wikipedia', () => {
  const ratings = ratingsFrom(['yes', 'no'], fromCells([['yes', 'yes', 20], ['yes', 'no', 5], ['no', 'yes', 10], ['no', 'no', 15]]));
  it('κ 0.4 with p_o 0.70 and p_e 0.50', () => {
    const kappa = cohenKappa(ratings);
    expect(kappa.ok).toBe(true);
    if (!kappa.ok) return;
    expect(kappa.value).toBeCloseTo(0.4, 6);
    expect(kappa.po).toBeCloseTo(0.7, 6);
    expect(kappa.pe).toBeCloseTo(0.5, 6);
  });
});

describe('reference 2: irr diagnoses, raters 2 and 3', () => {
  const r2 = [4, 2, 3, 5, 2, 1, 3, 1, 1, 5, 4, 2, 2, 4, 2, 3, 1, 1, 2, 3, 5, 4, 2, 1, 4, 2, 1, 2, 3, 5];
  const r3 = [4, 2, 3, 5, 2, 3, 3, 3, 4, 5, 4, 4, 2, 4, 4, 3, 1, 1, 4, 3, 5, 4, 4, 4, 4, 2, 1, 4, 3, 5];
  it('Cohen κ 0.631148', () => {
    expect(value(cohenKappa(ratingsFrom(ONE_TO_FIVE, columns(r2, r3))))).toBeCloseTo(0.631148, 6);
  });
});

describe('reference 3: irr anxiety, raters 1 and 2, scale 1..6', () => {
  const r1 = [3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3];
  const r2 = [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4];
  const ratings = ratingsFrom([1, 2, 3, 4, 5, 6], columns(r1, r2));
  it('κ unweighted 0.119497', () => expect(value(cohenKappa(ratings, 'none'))).toBeCloseTo(0.119497, 6));
  it('κ linear 0.189189', () => expect(value(cohenKappa(ratings, 'linear'))).toBeCloseTo(0.189189, 6));
  it('κ quadratic 0.296765', () => expect(value(cohenKappa(ratings, 'quadratic'))).toBeCloseTo(0.296765, 6));
});

/** irr diagnoses, all six raters (30 patients × 6). */
export const DIAGNOSES = [
  [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3],
  [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
  [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2],
  [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5], [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
  [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
];

describe('reference 4: irr diagnoses, all 6 raters, categories 1..5', () => {
  it('Fleiss κ 0.430245', () => expect(value(fleissKappa(ratingsFrom(ONE_TO_FIVE, DIAGNOSES)))).toBeCloseTo(0.430245, 6));
});

const NA = null;
/** Krippendorff (2011): 4 observers × 12 units, NA missing. */
const OBSERVERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, NA],
  [NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 3],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA],
];
const krippendorffData = (): Ratings => ratingsFrom(ONE_TO_FIVE, columns(...OBSERVERS));

describe('reference 5: Krippendorff (2011), 4 observers × 12 units with missing values', () => {
  it('α nominal 0.743421', () => expect(value(krippendorffAlpha(krippendorffData(), 'nominal'))).toBeCloseTo(0.743421, 6));
  it('α ordinal 0.815388', () => expect(value(krippendorffAlpha(krippendorffData(), 'ordinal'))).toBeCloseTo(0.815388, 6));
  it('α interval 0.849107', () => expect(value(krippendorffAlpha(krippendorffData(), 'interval', ONE_TO_FIVE))).toBeCloseTo(0.849107, 6));
  it('α ratio 0.797403', () => expect(value(krippendorffAlpha(krippendorffData(), 'ratio', ONE_TO_FIVE))).toBeCloseTo(0.797403, 6));
});

describe('reference 6: the same data, categories 1..5 (irrCAC gwet.ac1.raw)', () => {
  it('p_a 0.8181818, p_e 0.1903212, AC1 0.77544', () => {
    const ac1 = gwetAC1(krippendorffData());
    expect(ac1.ok).toBe(true);
    if (!ac1.ok) return;
    expect(ac1.pa).toBeCloseTo(0.8181818, 7);
    expect(ac1.pe).toBeCloseTo(0.1903212, 7);
    expect(ac1.value).toBeCloseTo(0.77544, 5);
    expect(value(percentAgreement(krippendorffData()))).toBeCloseTo(0.8181818, 7);
  });
});

describe('reference 7: irrCAC cont3x3abstractors, [[13,0,0],[0,20,7],[0,4,56]]', () => {
  it('AC1 0.8493305', () => {
    const table = [[13, 0, 0], [0, 20, 7], [0, 4, 56]];
    const cells = table.flatMap((row, i) => row.map((count, j) => [i, j, count] as [number, number, number]));
    expect(value(gwetAC1(ratingsFrom([0, 1, 2], fromCells(cells))))).toBeCloseTo(0.8493305, 7);
  });
});

/** The kappa paradox: 100 files, ja/ja 90, ja/nej 5, nej/ja 5, nej/nej 0. */
export const SKEW = fromCells([['ja', 'ja', 90], ['ja', 'nej', 5], ['nej', 'ja', 5], ['nej', 'nej', 0]]);

describe('reference 8: the skew example (the kappa paradox)', () => {
  const ratings = ratingsFrom(['ja', 'nej'], SKEW);
  it('agreement 0.90, κ −0.052632, AC1 0.889503, α −0.047368', () => {
    expect(value(percentAgreement(ratings))).toBeCloseTo(0.9, 6);
    expect(value(cohenKappa(ratings))).toBeCloseTo(-0.052632, 6);
    expect(value(gwetAC1(ratings))).toBeCloseTo(0.889503, 6);
    expect(value(krippendorffAlpha(ratings, 'nominal'))).toBeCloseTo(-0.047368, 6);
  });

  it('the reading names the scale, explains why κ is low and points to AC1', () => {
    const report = agreementReport(ratings, { labels: ['ja', 'nej'] });
    const text = report.reading.join('\n');
    expect(text).toContain('Landis och Kochs skala');
    expect(text).toContain('kappaparadoxen');
    expect(text).toContain('95\u00a0% av alla svar är ”ja”');
    expect(text).toContain('Gwets AC1');
    expect(text).toContain('0,90');
    expect(text).toContain('−0,05');
    expect(text).not.toMatch(/\d\.\d/); // sv-SE: decimal comma only
  });
});

describe('the category set comes from the template, not from the data', () => {
  it('an unused category counts in AC1 (its chance agreement has K − 1 in the denominator)', () => {
    const withDelvis = ratingsFrom(['ja', 'delvis', 'nej'], SKEW);
    // π = (0.95, 0, 0.05): p_e = (0.0475 + 0 + 0.0475) / 2 = 0.0475
    const ac1 = gwetAC1(withDelvis);
    expect(ac1.ok && ac1.pe).toBeCloseTo(0.0475, 12);
    expect(value(ac1)).toBeCloseTo((0.9 - 0.0475) / (1 - 0.0475), 12);
    expect(value(gwetAC1(ratingsFrom(['ja', 'nej'], SKEW)))).not.toBeCloseTo(value(ac1), 3);
  });

  it('Fleiss κ is unchanged by an unused category (its π is 0)', () => {
    const seen = value(fleissKappa(ratingsFrom(ONE_TO_FIVE, DIAGNOSES)));
    expect(value(fleissKappa(ratingsFrom([...ONE_TO_FIVE, 6], DIAGNOSES)))).toBeCloseTo(seen, 12);
  });
});
