import { useEffect } from 'react';
import { useScoring, type TextField } from '../../state/scoring-store';

interface Props {
  questionId: string;
  field: TextField;
  label: string;
  multiline?: boolean;
  placeholder?: string;
  hint?: string;
  /** Marks the field that answers a text question (focused when the question is reached). */
  isAnswer?: boolean;
  /** The file may not be scored: the text is shown, not edited. */
  readOnly?: boolean;
}

/**
 * A note, a pointer into the file, or a text answer. Saved after a short pause in typing and when
 * leaving the field; text that looks like a personal identity number is held back with a warning.
 */
export function FreeTextField({ questionId, field, label, multiline, placeholder, hint, isAnswer, readOnly }: Props) {
  const text = useScoring((s) => s.texts[questionId]?.[field] ?? '');
  const issue = useScoring((s) => s.textIssues[questionId]?.[field]);
  const id = `${field}-${questionId}`;
  // The field goes when its question stops being current, and a removed field gets no blur (the
  // browser drops focus without one): what was typed is saved then, not after the typing pause.
  useEffect(() => () => useScoring.getState().flushText(questionId, field), [questionId, field]);
  const described = [hint ? `${id}-hint` : '', issue ? `${id}-pii` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: text,
    placeholder: readOnly ? undefined : placeholder,
    readOnly,
    'aria-invalid': issue ? true : undefined,
    'aria-describedby': described,
    'data-answer-input': isAnswer ? '' : undefined,
    onChange: (e: { target: { value: string } }) => useScoring.getState().editText(questionId, field, e.target.value),
    onBlur: () => useScoring.getState().flushText(questionId, field),
  };
  return (
    <div className={`field free-text free-text-${field}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {multiline ? <textarea rows={2} {...common} /> : <input type="text" autoComplete="off" {...common} />}
      {issue && (
        <p className="pii-warning" id={`${id}-pii`} role="alert">
          <span aria-hidden="true">⚠ </span>
          {issue} Texten sparas inte.
        </p>
      )}
    </div>
  );
}
