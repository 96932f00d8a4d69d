import type { PublishedResults, InternalResults, PublishedShareCounts, ShareCounts } from '../contract/results';
import type { Comparison, PublishedComparison } from '../contract/results-parts';
import { compareGroups, TOO_SMALL_SENTENCE } from '../stats/verdict';

/**
 * This review against an earlier one on the same template: per question (matched by id) and per
 * area, the share `ja` before and after, the change in percentage points and Fisher's test on the
 * two reviews' answers in one sentence. The two reviews' files are different files, so the groups
 * are independent for a question. An area pools several answers of the same file, which are not
 * independent, so an area gets the change but no test.
 */
export interface EarlierReview {
  reviewId: string;
  title: string;
  period: { from: string; to: string } | null;
}

const WORDING = { between: 'granskningarna', first: 'i denna granskning', second: 'i den tidigare granskningen' };

const percentOf = (c: ShareCounts): number | null => (c.applicable === 0 ? null : (100 * c.yes) / c.applicable);
const side = (c: ShareCounts) => ({ yes: c.yes, applicable: c.applicable, percent: percentOf(c) });
const change = (before: number | null, after: number | null) => (before === null || after === null ? null : after - before);

export function compareResults(current: InternalResults, earlier: InternalResults, meta: EarlierReview): Comparison {
  const earlierQuestions = new Map(earlier.questions.map((q) => [q.questionId, q]));
  const earlierAreas = new Map(earlier.areas.map((a) => [a.areaId, a]));
  const matched = current.questions.filter((q) => q.share && earlierQuestions.get(q.questionId)?.share);
  const questions = matched.map((q) => {
    const before = earlierQuestions.get(q.questionId)!.share!.total;
    const after = q.share!.total;
    const verdict = compareGroups(after, before, WORDING);
    return {
      questionId: q.questionId,
      number: q.number,
      before: side(before),
      after: side(after),
      changePoints: change(percentOf(before), percentOf(after)),
      verdict: { code: verdict.code, text: verdict.text },
    };
  });
  const areas = current.areas.flatMap((area) => {
    const before = earlierAreas.get(area.areaId)?.share?.total;
    const after = area.share?.total;
    if (!before || !after) return [];
    return [{ areaId: area.areaId, name: area.name, before: side(before), after: side(after), changePoints: change(percentOf(before), percentOf(after)), verdict: null }];
  });
  return { ...meta, questions, areas, unmatched: current.questions.filter((q) => q.share).length - matched.length };
}

const publishedSide = (c: PublishedShareCounts) => ({ yes: c.yes, applicable: c.applicable, percent: c.percent });

/**
 * The comparison as published: each side is that review's published share (same suppression, same
 * smallest denominator), the change only where both percents are shown, and a verdict only where
 * both are — otherwise the standard too-small sentence, as for the sexes.
 */
export function publishComparison(comparison: Comparison, current: PublishedResults, earlier: PublishedResults): PublishedComparison {
  const now = new Map(current.questions.map((q) => [q.questionId, q.share?.total]));
  const then = new Map(earlier.questions.map((q) => [q.questionId, q.share?.total]));
  const nowAreas = new Map(current.areas.map((a) => [a.areaId, a.share?.total]));
  const thenAreas = new Map(earlier.areas.map((a) => [a.areaId, a.share?.total]));
  const line = <L extends { before: unknown; after: unknown; verdict: { code: string; text: string } | null }>(entry: L, after: PublishedShareCounts, before: PublishedShareCounts) => {
    const shown = after.percent !== null && before.percent !== null;
    const verdict = entry.verdict === null ? null : shown ? entry.verdict : { code: 'too_small' as const, text: TOO_SMALL_SENTENCE };
    return { before: publishedSide(before), after: publishedSide(after), changePoints: shown ? after.percent! - before.percent! : null, verdict: verdict as Comparison['questions'][number]['verdict'] };
  };
  return {
    reviewId: comparison.reviewId,
    title: comparison.title,
    period: comparison.period,
    unmatched: comparison.unmatched,
    questions: comparison.questions.map((q) => ({ questionId: q.questionId, number: q.number, ...line(q, now.get(q.questionId)!, then.get(q.questionId)!) })),
    areas: comparison.areas.map((a) => ({ areaId: a.areaId, name: a.name, ...line(a, nowAreas.get(a.areaId)!, thenAreas.get(a.areaId)!) })),
  };
}
