import type { PublishedQuestionResult, PublishedResults, PublishedShareBySex, PublishedShareCounts } from '../../../../shared/contract/results';
import { DEFAULT_MIN_SHARE_DENOMINATOR } from '../../../../shared/disclosure/share';
import { formatPercent } from '../../../../shared/stats/format-stats';
import type { Template } from '../../../../shared/templates/schema';
import { formatNumber } from '../../../../shared/util/format-sv';
import { groupWords } from '../../results/xlsx-cells';
import { WITHHELD } from './text';

/**
 * The published figures as the documents print them. Only the PUBLISHED results reach this
 * module: a withheld share prints "–", a suppressed count prints nothing, never the true value.
 */

export interface ShareQuestion {
  number: number;
  questionId: string;
  text: string;
  answered: number | null;
  share: PublishedShareBySex;
  verdict: PublishedQuestionResult['verdict'];
}

/** The questions of an area that have a share `ja` to publish, in template order. */
export function shareQuestions(results: PublishedResults, template: Template, areaId: string): ShareQuestion[] {
  const texts = new Map(template.questions.map((q) => [q.id, q.text]));
  return results.questions
    .filter((q) => q.areaId === areaId && q.share !== null)
    .map((q) => ({ number: q.number, questionId: q.questionId, text: texts.get(q.questionId) ?? q.questionId, answered: q.answered, share: q.share!, verdict: q.verdict }));
}

/** No answer counted yet (a suppressed count, null, means there were some). */
export const nothingScored = (questions: readonly { answered: number | null }[]): boolean => questions.every((q) => q.answered === 0);

/** "45 %" or "–". */
export const percentText = (c: PublishedShareCounts): string => (c.percent === null || !Number.isFinite(c.percent) ? WITHHELD : formatPercent(c.percent / 100));

/** "45 % (n = 18)", "– (n = 8)", or "–" where the denominator is suppressed too. */
export function shareCellText(c: PublishedShareCounts): string {
  const n = c.applicable === null ? '' : ` (n = ${formatNumber(c.applicable)})`;
  return `${percentText(c)}${n}`;
}

/** "8", or "–" where the count is suppressed. */
export const countText = (n: number | null): string => (n === null ? WITHHELD : formatNumber(n));

export const sexWords = (results: PublishedResults) => groupWords(results.targetGroup).plural;

/** The note under every published table: what a share is, what n is, and why a figure is "–". */
export function shareTableNote(results: PublishedResults): string {
  return (
    `Andel ja bland de akter där frågan var tillämplig; n = antal tillämpliga svar. ` +
    `${WITHHELD} = visas inte: andelar visas bara där minst ${DEFAULT_MIN_SHARE_DENOMINATOR} svar är tillämpliga, ` +
    `och en grupp med färre än ${results.threshold} akter redovisas inte per fråga, så att ingen enskild kan identifieras.`
  );
}
