import type { InternalResults, ShareCounts } from '../contract/results';
import type { Comparison } from '../contract/results-parts';
import { compareGroups } from '../stats/verdict';

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
