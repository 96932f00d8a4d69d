import { fisherExact, fisherMinimumP } from './fisher';
import { decimalsToDistinguish, formatPercent, formatPValue } from './format-stats';
import { newcombeInterval, type DifferenceInterval } from './newcombe';
import { wilsonInterval, type WilsonInterval } from './wilson';

/**
 * Girls vs boys (or women vs men) on one question, as a plain-Swedish sentence with a stable code.
 *
 * The rule, in order:
 * 1. `too_small` when either group has fewer than 10 applicable answers. The sentence quotes both
 *    shares, and a share is published only where its denominator is at least 10 (DOMAIN.md §4);
 *    a verdict must not state what the published table hides.
 * 2. `too_small` when Fisher's test could not reach p < 0.05 with these margins even for the most
 *    extreme arrangement of the answers (fisherMinimumP ≥ 0.05). Then "no difference found" would
 *    be a result the test could never have avoided; the honest sentence is that the data are too
 *    few. This also covers a question where everyone answered alike (only one possible table).
 * 3. `difference` when the two-sided Fisher p < 0.05, otherwise `no_difference`.
 *
 * Too-small is decided from the margins only, never from the observed p, so it does not depend on
 * which way the answers happened to fall.
 */

export const MIN_APPLICABLE_PER_GROUP = 10;
export const SIGNIFICANCE_LEVEL = 0.05;

/**
 * p is compared with the level as R compares probabilities in fisher.test: equal within a relative
 * 1e-7. Girls 1 of 10 against boys 0 of 190 has p = 0.05 exactly (10/200), which floating point may
 * compute a hair below; it is not significant. The same for the smallest reachable p.
 */
const LEVEL_TOLERANCE = 1e-7;
export const belowLevel = (p: number, level = SIGNIFICANCE_LEVEL): boolean => p < level * (1 - LEVEL_TOLERANCE);

/** Children are flickor/pojkar, adults kvinnor/män (DOMAIN.md §5). */
export type Population = 'barn' | 'vuxna';

const GROUP_NAMES: Record<Population, { female: string; male: string }> = {
  barn: { female: 'flickor', male: 'pojkar' },
  vuxna: { female: 'kvinnor', male: 'män' },
};

export interface GroupCounts {
  /** Answers `ja`. */
  readonly yes: number;
  /** Applicable answers: every answer except ej_tillampligt (framgar_ej included), `yes` among them. */
  readonly applicable: number;
}

export interface GroupSummary extends GroupCounts {
  /** yes / applicable, or null where there are no applicable answers. */
  readonly share: number | null;
  readonly interval: WilsonInterval | null;
}

/** no_variation: both groups have enough answers and every applicable answer is ja, or none is — nothing to test, and not "too few". */
export type VerdictCode = 'difference' | 'no_difference' | 'too_small' | 'no_variation';
export type TooSmallReason = 'few_answers' | 'cannot_reach_significance';

export interface SexVerdict {
  readonly code: VerdictCode;
  /** Only for `too_small`: which part of the rule applied. */
  readonly tooSmallReason?: TooSmallReason;
  /** One Swedish sentence ready to show or put in the memo. */
  readonly text: string;
  readonly female: GroupSummary;
  readonly male: GroupSummary;
  /** Two-sided Fisher p on ja vs other applicable; 1 where a group is empty. */
  readonly p: number;
  /** The smallest p any table with these margins could give. */
  readonly minimumP: number;
  /** First share minus second with Newcombe's 95 % interval; null where a group has no applicable answer. */
  readonly difference: DifferenceInterval | null;
}

const TOO_SMALL_TEXT = 'Underlaget är för litet för att dra slutsatser.';

function summarise(group: GroupCounts, which: string): GroupSummary {
  const { yes, applicable } = group;
  if (!Number.isSafeInteger(applicable) || applicable < 0) throw new RangeError(`${which}: applicable must be a non-negative integer, got ${applicable}`);
  if (!Number.isSafeInteger(yes) || yes < 0 || yes > applicable) throw new RangeError(`${which}: yes must be an integer in [0, applicable], got ${yes} of ${applicable}`);
  return { yes, applicable, share: applicable === 0 ? null : yes / applicable, interval: wilsonInterval(yes, applicable) };
}

/**
 * How the sentence names the two groups: `between` for "ingen skillnad mellan …", and each group
 * with its preposition for "högre för flickor (…) än för pojkar" or "högre i denna granskning".
 */
export interface GroupWording {
  readonly between: string;
  readonly first: string;
  readonly second: string;
}

export function compareSexes(femaleCounts: GroupCounts, maleCounts: GroupCounts, population: Population): SexVerdict {
  const names = GROUP_NAMES[population];
  return compareGroups(femaleCounts, maleCounts, { between: `${names.female} och ${names.male}`, first: `för ${names.female}`, second: `för ${names.male}` });
}

/** The same rule as compareSexes for any two independent groups (e.g. this review and an earlier one). `female`/`male` in the result are the first and second group. */
export function compareGroups(firstCounts: GroupCounts, secondCounts: GroupCounts, wording: GroupWording): SexVerdict {
  const female = summarise(firstCounts, 'first');
  const male = summarise(secondCounts, 'second');
  const { p } = fisherExact([
    [female.yes, female.applicable - female.yes],
    [male.yes, male.applicable - male.yes],
  ]);
  const minimumP = fisherMinimumP({ row1: female.applicable, row2: male.applicable, col1: female.yes + male.yes });
  const difference = newcombeInterval(female.yes, female.applicable, male.yes, male.applicable);
  const base = { female, male, p, minimumP, difference };

  if (female.applicable < MIN_APPLICABLE_PER_GROUP || male.applicable < MIN_APPLICABLE_PER_GROUP) {
    return { ...base, code: 'too_small', tooSmallReason: 'few_answers', text: TOO_SMALL_TEXT };
  }
  const pooledYes = female.yes + male.yes;
  if (pooledYes === 0 || pooledYes === female.applicable + male.applicable) {
    const all = pooledYes === 0 ? 'Inget av de tillämpliga svaren är ja' : 'Alla tillämpliga svar är ja';
    return { ...base, code: 'no_variation', text: `${all}, både ${wording.first} och ${wording.second}; det finns ingen skillnad att pröva.` };
  }
  if (!belowLevel(minimumP)) {
    return { ...base, code: 'too_small', tooSmallReason: 'cannot_reach_significance', text: TOO_SMALL_TEXT };
  }
  if (!belowLevel(p)) {
    return { ...base, code: 'no_difference', text: `Ingen skillnad mellan ${wording.between} kan påvisas (${formatPValue(p)}).` };
  }
  // Both groups have ≥ 10 answers here, so both shares exist; compare them exactly by cross-multiplying.
  const firstHigher = female.yes * male.applicable > male.yes * female.applicable;
  const [high, low] = firstHigher ? [female, male] : [male, female];
  const [highName, lowName] = firstHigher ? [wording.first, wording.second] : [wording.second, wording.first];
  const highShare = high.share as number;
  const lowShare = low.share as number;
  const decimals = decimalsToDistinguish(highShare, lowShare);
  return {
    ...base,
    code: 'difference',
    text:
      `Andelen ja är högre ${highName} (${formatPercent(highShare, decimals)}) än ${lowName} (${formatPercent(lowShare, decimals)}); ` +
      `skillnaden är statistiskt säkerställd (Fishers exakta test, ${formatPValue(p)}).`,
  };
}

/** The sentence for figures too few to conclude anything, from the one place that words it. */
export const TOO_SMALL_SENTENCE = TOO_SMALL_TEXT;
