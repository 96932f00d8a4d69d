import type { PublishedQuestionResult, QuestionResult } from '../../../../shared/contract/results';
import type { Question, Template } from '../../../../shared/templates/schema';
import type { SexKey } from './format';

/** One answer's counts by sex; null = suppressed (published view). `total` is null where any of its terms is. */
export interface AnswerRow {
  answer: string;
  label: string;
  counts: Record<SexKey | 'total', number | null>;
}

/** The scale steps or options of a question, in template order, with their labels. */
export function answerChoices(template: Template, question: Question | undefined): { id: string; label: string }[] {
  if (!question) return [];
  if (question.type === 'scale') return (template.scales[question.scale] ?? []).map((s) => ({ id: s.id, label: s.label }));
  if (question.type === 'choice') return question.options.map((o) => ({ id: o.id, label: o.label }));
  return [];
}

const sumOrNull = (values: (number | null)[]): number | null => (values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0));

/**
 * The answer × sex table of a question: every answer of the template (zeros included), the
 * internal view's unit × age band cells summed; the published view's answers in `total` only. An answer the
 * template does not know (it cannot happen with a frozen version, but the table must not drop a
 * count) is listed after them under its id.
 */
export function answerRows(template: Template, result: QuestionResult | PublishedQuestionResult): AnswerRow[] {
  const question = template.questions.find((q) => q.id === result.questionId);
  const choices = answerChoices(template, question);
  for (const cell of result.counts) {
    if (!choices.some((c) => c.id === cell.answer)) choices.push({ id: cell.answer, label: cell.answer });
  }
  return choices.map(({ id, label }) => {
    // The publication set prints each answer over the files its totals cover, not by sex (sex null).
    const published = result.counts.filter((cell) => cell.answer === id && cell.sex === null);
    if (published.length > 0) return { answer: id, label, counts: { F: null, M: null, U: null, total: published[0].count } };
    const bySex = { F: 0 as number | null, M: 0 as number | null, U: 0 as number | null };
    for (const cell of result.counts) {
      if (cell.answer !== id || cell.sex === null) continue;
      const current = bySex[cell.sex];
      bySex[cell.sex] = cell.count === null || current === null ? null : current + cell.count;
    }
    return { answer: id, label, counts: { ...bySex, total: sumOrNull([bySex.F, bySex.M, bySex.U]) } };
  });
}
