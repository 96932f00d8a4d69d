import type { SplitField } from '../contract/results-parts';
import type { Template } from '../templates/schema';

/** What a person reads for a split dimension and its values, shared by the screens, the CLI and the exports. */

export const MISSING_LABEL = 'Saknas';
export const UNANSWERED_LABEL = 'Ej besvarad';

/** "0-5" → "0–5 år", "18+" → "18+ år": codes keep a plain hyphen, print gets an en dash. */
export const ageBandLabel = (band: string): string => `${band.replace('-', '–')} år`;

const questionOf = (template: Template, field: SplitField) => (field.startsWith('question:') ? template.questions.find((q) => q.id === field.slice('question:'.length)) : undefined);

export function fieldLabel(template: Template, field: SplitField): string {
  if (field === 'unit') return 'Enhet';
  if (field === 'ageBand') return 'Åldersgrupp';
  if (field.startsWith('attribute:')) return field.slice('attribute:'.length);
  const question = questionOf(template, field);
  if (!question) return field;
  const number = template.questions.indexOf(question) + 1;
  const text = question.text.length > 60 ? `${question.text.slice(0, 59)}…` : question.text;
  return `Fråga ${number} (${question.id}): ${text}`;
}

export function valueLabel(template: Template, field: SplitField, value: string | null): string {
  const question = questionOf(template, field);
  if (value === null) return question ? UNANSWERED_LABEL : MISSING_LABEL;
  if (field === 'ageBand') return ageBandLabel(value);
  if (question?.type === 'scale') return template.scales[question.scale]?.find((s) => s.id === value)?.label ?? value;
  if (question?.type === 'choice') return question.options.find((o) => o.id === value)?.label ?? value;
  return value;
}

/** "Enhet: Norr", "Åldersgrupp: 6–12 år". */
export const filterLabel = (template: Template, field: SplitField, value: string | null): string => `${fieldLabel(template, field)}: ${valueLabel(template, field, value)}`;
