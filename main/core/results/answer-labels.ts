import type { Question, Template } from '../../../shared/templates/schema';

/** The words a person reads for a question's answers and type, taken from the review's frozen template. */

/** Answer id → label: the scale's steps or the question's options, in template order. */
export function answerLabels(template: Template, question: Question): Map<string, string> {
  if (question.type === 'scale') return new Map((template.scales[question.scale] ?? []).map((step) => [step.id, step.label]));
  if (question.type === 'choice') return new Map(question.options.map((option) => [option.id, option.label]));
  return new Map();
}

const TYPE_LABELS: Record<Question['type'], string> = { scale: 'Skala', choice: 'Val', date: 'Datum', number: 'Tal', text: 'Text' };

export function questionTypeLabel(question: Question): string {
  return question.type === 'choice' && question.multiple ? 'Flerval' : TYPE_LABELS[question.type];
}
