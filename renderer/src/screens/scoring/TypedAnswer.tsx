import { useRef, useState, type KeyboardEvent } from 'react';
import { checkAnswerValue, type AnswerValue } from '../../../../shared/scoring/answer-value';
import type { Question, Template } from '../../../../shared/templates/schema';
import { parseTypedDate } from '../../../../shared/util/typed-date';

interface Props {
  question: Extract<Question, { type: 'date' | 'number' }>;
  template: Template;
  value: AnswerValue;
  labelledBy: string;
  readOnly?: boolean;
  onAnswer(value: AnswerValue): void;
  /** After Enter, an arrow or a complete date the answer is saved and the reviewer moves on. */
  onMove(delta: number): void;
}

const show = (v: AnswerValue) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v).replace('.', ',') : String(v));

const DATE_PROBLEM = 'Ange ett verkligt datum, till exempel 2024-03-12, 20240312 eller 240312.';

/**
 * A date or a number, typed. A date may be written 2024-03-12, 20240312 or 240312 and moves on by
 * itself once it is complete; a number (decimal comma allowed) is saved on Enter. Both are saved when
 * leaving the field.
 */
export function TypedAnswer({ question, template, value, labelledBy, readOnly, onAnswer, onMove }: Props) {
  const [text, setText] = useState(show(value));
  const [problem, setProblem] = useState('');
  // What this field last sent, so that Enter followed by the blur of moving on saves once.
  const committed = useRef<AnswerValue>(value);
  const id = `answer-${question.id}`;
  const hint =
    question.type === 'date'
      ? 'Datum som 2024-03-12, 20240312 eller 240312: fältet går vidare av sig självt när datumet är komplett (Enter sparar också).'
      : [question.integer ? 'Heltal' : 'Tal', question.min !== undefined ? `minst ${question.min}` : '', question.max !== undefined ? `högst ${question.max}` : '']
          .filter(Boolean)
          .join(', ') + '. Enter sparar och går vidare.';

  /** Checks and saves the text; false when it is not a valid answer. */
  function commit(typed: string = text): boolean {
    if (readOnly) return true;
    const trimmed = typed.trim();
    let given: string | null = trimmed === '' ? null : trimmed;
    if (question.type === 'date' && given !== null) {
      const date = parseTypedDate(given);
      if (!date) {
        setProblem(DATE_PROBLEM);
        return false;
      }
      given = date.iso;
      setText(date.iso);
    }
    const checked = checkAnswerValue(template, question, given);
    if (!checked.ok) {
      setProblem(question.type === 'date' ? DATE_PROBLEM : checked.message.replace(/^Fråga [^ ]+ ska besvaras med/, 'Ange'));
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

  function onChange(typed: string) {
    setText(typed);
    setProblem('');
    // One keystroke per digit and nothing more: a complete date is saved and the next question takes over.
    if (question.type === 'date' && parseTypedDate(typed)?.complete && commit(typed)) onMove(1);
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
          placeholder={question.type === 'date' && !readOnly ? 'ÅÅÅÅ-MM-DD' : undefined}
          autoComplete="off"
          className={question.type === 'date' ? 'date-input' : 'number-input'}
          value={text}
          readOnly={readOnly}
          aria-labelledby={`${labelledBy} ${id}-label`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint${problem ? ` ${id}-issues` : ''}`}
          onChange={(e) => onChange(e.target.value)}
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
