import type { Verdict } from '../contract/results';
import { formatAdjustedP, formatDifference } from '../stats/format-stats';
import { holmAdjust } from '../stats/holm';
import type { SexVerdict } from '../stats/verdict';

/** The verdict as results carry it: its sentence, p where the groups were tested, the interval of the difference. */
export function verdictOf(verdict: SexVerdict): Verdict {
  const tested = verdict.code === 'difference' || verdict.code === 'no_difference';
  return { code: verdict.code, text: verdict.text, p: tested ? verdict.p : null, pAdjusted: null, difference: verdict.difference };
}

/**
 * Fills `pAdjusted` over every question of one review whose groups were tested (Holm): a review
 * tests many questions at once, and one in twenty would come out "significant" by chance alone.
 */
export function withHolm<Q extends { verdict: Verdict | null }>(questions: readonly Q[]): Q[] {
  const tested = questions.map((q, i) => ({ i, p: q.verdict?.p ?? null })).filter((t): t is { i: number; p: number } => t.p !== null);
  const adjusted = holmAdjust(tested.map((t) => t.p));
  const byIndex = new Map(tested.map((t, k) => [t.i, adjusted[k]]));
  return questions.map((q, i) => (byIndex.has(i) ? { ...q, verdict: { ...q.verdict!, pAdjusted: byIndex.get(i)! } } : q));
}

const GROUPS = { barn: ['flickor', 'pojkar'], vuxna: ['kvinnor', 'män'] } as const;

/** How many questions of a review were tested (the m of Holm's adjustment). */
export const testedCount = (questions: readonly { verdict: Verdict | null }[]): number => questions.filter((q) => q.verdict?.p != null).length;

/**
 * The line under a verdict wherever it is shown (screen, workbook, Bilaga 1): the difference with
 * its 95 % interval, and where the groups were tested, p adjusted for the review's other questions.
 * Null where there is no difference to state (a share missing).
 */
export function verdictDetail(verdict: Verdict, targetGroup: 'barn' | 'vuxna', tested: number): string | null {
  if (!verdict.difference || verdict.code === 'too_small') return null;
  const [first, second] = GROUPS[targetGroup];
  const adjusted = verdict.pAdjusted !== null && tested > 1 ? `; ${formatAdjustedP(verdict.pAdjusted, tested)}` : '';
  return `${formatDifference(verdict.difference, first, second)}${adjusted}.`;
}
