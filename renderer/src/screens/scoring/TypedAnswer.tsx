import { useRef, useState, type KeyboardEvent } from 'react';
import { checkAnswerValue, type AnswerValue } from '../../../../shared/scoring/answer-value';
import type { Question, Template } from '../../../../shared/templates/schema';

interface Props {
  question: Extract<Question, { type: 'date' | 'number' }>;
  template: Template;
  value: AnswerValue;
  labelledBy: string;
  onAnswer(value: AnswerValue): void;
  /** After Enter (or an arrow) the answer is saved and the reviewer moves on. */
  onMove(delta: number): void;
}

const show = (v: AnswerValue) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v).replace('.', ',') : String(v));

/** A date (ÅÅÅÅ-MM-DD, checked to be real) or a number (decimal comma allowed): saved on Enter or when leaving the field. */
export function TypedAnswer({ question, template, value, labelledBy, onAnswer, onMove }: Props) {
  const [text, setText] = useState(show(value));
  const [problem, setProblem] = useState('');
  // What this field last sent, so that Enter followed by the blur of moving on saves once.
  const committed = useRef<AnswerValue>(value);
  const id = `answer-${question.id}`;
  const hint =
    question.type === 'date'
      ? 'Datum i formen ÅÅÅÅ-MM-DD. Enter sparar och går vidare.'
      : [question.integer ? 'Heltal' : 'Tal', question.min !== undefined ? `minst ${question.min}` : '', question.max !== undefined ? `högst ${question.max}` : '']
          .filter(Boolean)
          .join(', ') + '. Enter sparar och går vidare.';

  /** Checks and saves; false when the text is not a valid answer. */
  function commit(): boolean {
    const trimmed = text.trim();
    const checked = checkAnswerValue(template, question, trimmed === '' ? null : trimmed);
    if (!checked.ok) {
      setProblem(question.type === 'date' ? 'Ange ett verkligt datum i formen ÅÅÅÅ-MM-DD, till exempel 2024-03-12.' : checked.message.replace(/^Fråga [^ ]+ ska besvaras med/, 'Ange'));
      return false;
    }
    setProblem('');
    const next: AnswerValue = checked.stored === null ? null : question.type === 'number' ? Number(checked.stored) : checked.stored;
    if (next !== committed.current) {
      committed.current = next;
      onAnswer(next);
    }
    return true;
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (commit()) onMove(e.key === 'ArrowUp' ? -1 : 1);
    }
  }

  return (
    <div className="field scoring-typed">
      <label htmlFor={id} className="visually-hidden" id={`${id}-label`}>
        Svar
      </label>
      <div className="typed-row">
        <input
          id={id}
          data-answer-input=""
          type="text"
          inputMode={question.type === 'number' ? 'decimal' : 'numeric'}
          placeholder={question.type === 'date' ? 'ÅÅÅÅ-MM-DD' : undefined}
          autoComplete="off"
          className={question.type === 'date' ? 'date-input' : 'number-input'}
          value={text}
          aria-labelledby={`${labelledBy} ${id}-label`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint${problem ? ` ${id}-issues` : ''}`}
          onChange={(e) => {
            setText(e.target.value);
            setProblem('');
          }}
          onKeyDown={onKeyDown}
          onBlur={() => commit()}
        />
        {question.type === 'number' && question.unit && <span className="unit">{question.unit}</span>}
      </div>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {problem && (
        <ul className="field-issues" id={`${id}-issues`}>
          <li>{problem}</li>
        </ul>
      )}
    </div>
  );
}
