import type { AnswerValue } from '../../../../shared/scoring/answer-value';
import type { Question } from '../../../../shared/templates/schema';
import { choiceKeys, toggledChoice } from './keys';

interface Props {
  question: Extract<Question, { type: 'choice' }>;
  value: AnswerValue;
  labelledBy: string;
  onAnswer(value: AnswerValue): void;
}

/** Radio buttons (one answer) or checkboxes (several); digit keys on the question pick them in order. */
export function ChoiceAnswer({ question, value, labelledBy, onAnswer }: Props) {
  const keys = choiceKeys(question.options);
  const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return (
    <div className="scoring-choice" role={question.multiple ? 'group' : 'radiogroup'} aria-labelledby={labelledBy}>
      <p className="hint">{question.multiple ? 'Flera svar kan väljas.' : 'Ett svar.'}</p>
      {question.options.map((o, i) => (
        <label key={o.id} className="choice-option">
          <input
            type={question.multiple ? 'checkbox' : 'radio'}
            name={`choice-${question.id}`}
            checked={chosen.includes(o.id)}
            onChange={() => onAnswer(toggledChoice(question, value, o.id))}
          />{' '}
          <kbd aria-hidden="true">{keys[i].keys.map((k) => k.toUpperCase()).join(' ')}</kbd> {o.label}
        </label>
      ))}
    </div>
  );
}
