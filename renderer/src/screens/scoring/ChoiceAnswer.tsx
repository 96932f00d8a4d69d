import type { AnswerValue } from '../../../../shared/scoring/answer-value';
import type { Question } from '../../../../shared/templates/schema';
import { choiceKeys, toggledChoice } from './keys';

interface Props {
  question: Extract<Question, { type: 'choice' }>;
  value: AnswerValue;
  labelledBy: string;
  disabled?: boolean;
  onAnswer(value: AnswerValue): void;
}

/**
 * Radio buttons (one answer) or checkboxes (several). Every option has a key of its own on the
 * question (digits, then letters), shown beside it; an exclusive option says so.
 */
export function ChoiceAnswer({ question, value, labelledBy, disabled, onAnswer }: Props) {
  const keys = choiceKeys(question.options);
  const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return (
    <div className="scoring-choice" role={question.multiple ? 'group' : 'radiogroup'} aria-labelledby={labelledBy}>
      <p className="hint">{question.multiple ? 'Flera svar kan väljas. Enter eller pil ned går vidare.' : 'Ett svar.'}</p>
      {question.options.map((o, i) => (
        <label key={o.id} className="choice-option">
          <input
            type={question.multiple ? 'checkbox' : 'radio'}
            name={`choice-${question.id}`}
            checked={chosen.includes(o.id)}
            disabled={disabled}
            onChange={() => onAnswer(toggledChoice(question, value, o.id))}
          />{' '}
          <kbd aria-hidden="true">{keys[i].keys.map((k) => k.toUpperCase()).join(' ')}</kbd> {o.label}
          {question.multiple && o.exclusive && <span className="exclusive-hint"> (utesluter andra val)</span>}
        </label>
      ))}
    </div>
  );
}
