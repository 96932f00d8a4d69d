import type { Question, Template } from '../../shared/templates/schema';
import type { AnswerValue } from '../../shared/scoring/answer-value';

/** A valid answer to any question of a template, so a file can be completed and marked done. */
export function validAnswer(template: Template, question: Question): AnswerValue {
  switch (question.type) {
    case 'scale':
      return template.scales[question.scale][0].id;
    case 'choice':
      return question.multiple ? [question.options[0].id] : question.options[0].id;
    case 'date':
      return '2024-03-12';
    case 'number':
      return question.min ?? 0;
    case 'text':
      return 'Enligt akten.';
  }
}
