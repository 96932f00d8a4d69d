import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Question, Template } from '../../../../shared/templates/schema';
import { useScoring } from '../../state/scoring-store';
import { AnswerHistory } from './AnswerHistory';
import { ChoiceAnswer } from './ChoiceAnswer';
import { FreeTextField } from './FreeTextField';
import { GuidancePanel } from './GuidancePanel';
import { optionForKey, stepForKey, toggledChoice } from './keys';
import { SaveStatusText } from './SaveStatusText';
import { ScaleAnswer } from './ScaleAnswer';
import { TypedAnswer } from './TypedAnswer';

interface Props {
  question: Question;
  template: Template;
  /** Position among all questions of the file (0-based). */
  index: number;
}

const TYPING = 'input[type="text"], input:not([type]), textarea, select';

/**
 * One question, keyboard first. The question itself takes focus (one tab stop per question, the
 * current one) and answers with one key; Tab goes on to the note and "Var i akten".
 */
export function ScoringQuestion({ question, template, index }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const isCurrent = useScoring((s) => s.current === index);
  const focusTick = useScoring((s) => (s.current === index ? s.focusTick : 0));
  const value = useScoring((s) => s.shown[question.id]?.value ?? null);
  const answered = useScoring((s) => {
    const v = s.saved[question.id]?.value;
    return v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);
  });
  const textId = `q-${question.id}-text`;

  useEffect(() => {
    if (focusTick === 0 || !ref.current) return;
    const target = ref.current.querySelector<HTMLElement>('[data-answer-input]') ?? ref.current;
    target.focus({ preventScroll: true });
    ref.current.scrollIntoView?.({ block: 'center' });
  }, [focusTick]);

  const store = useScoring.getState;
  const answer = (v: Parameters<ReturnType<typeof store>['answer']>[1]) => void store().answer(question.id, v);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target.matches(TYPING)) {
      if (e.key === 'Escape') {
        e.preventDefault();
        ref.current?.focus();
      }
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      store().move(e.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    if (e.key === '?' || e.key === 'g' || e.key === 'G') {
      if (!question.guidance) return;
      e.preventDefault();
      store().toggleGuidance(question.id);
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      if (target !== ref.current || value === null) return;
      e.preventDefault();
      answer(null);
      return;
    }
    if (e.key === 'Enter' && target === ref.current) {
      const input = ref.current.querySelector<HTMLElement>('[data-answer-input]');
      if (input) {
        e.preventDefault();
        input.focus();
      }
      return;
    }
    if (e.key.length !== 1) return;
    if (question.type === 'scale') {
      const step = stepForKey(template.scales[question.scale] ?? [], e.key);
      if (!step) return;
      e.preventDefault();
      answer(step);
      store().move(1);
    } else if (question.type === 'choice') {
      const option = optionForKey(question.options, e.key);
      if (!option) return;
      e.preventDefault();
      answer(toggledChoice(question, value, option));
    }
  }

  return (
    <li className={`scoring-question ${isCurrent ? 'is-current' : ''} ${answered ? 'is-answered' : ''}`} data-question-id={question.id}>
      <div
        ref={ref}
        role="group"
        tabIndex={isCurrent ? 0 : -1}
        aria-labelledby={textId}
        aria-describedby="scoring-keys-help"
        aria-current={isCurrent ? 'step' : undefined}
        className="scoring-question-box"
        onKeyDown={onKeyDown}
        onFocus={() => store().setCurrent(index)}
      >
        <div className="scoring-question-head">
          <h3 className="scoring-question-text" id={textId}>
            <span className="q-number">{index + 1}.</span> {question.text}
            {question.required && <span className="required-badge">Obligatorisk</span>}
          </h3>
          <SaveStatusText questionId={question.id} />
        </div>
        {question.type === 'scale' && <ScaleAnswer steps={template.scales[question.scale] ?? []} value={value} labelledBy={textId} onAnswer={(step) => (store().setCurrent(index), answer(step))} />}
        {question.type === 'choice' && <ChoiceAnswer question={question} value={value} labelledBy={textId} onAnswer={answer} />}
        {(question.type === 'date' || question.type === 'number') && (
          <TypedAnswer question={question} template={template} value={value} labelledBy={textId} onAnswer={answer} onMove={(d) => store().setCurrent(index + d, true)} />
        )}
        {question.type === 'text' && <FreeTextField questionId={question.id} field="value" label="Svar" multiline isAnswer />}
        <div className="field-row scoring-notes">
          <FreeTextField questionId={question.id} field="note" label="Anteckning" multiline />
          <FreeTextField questionId={question.id} field="fileRef" label="Var i akten" placeholder="t.ex. journal 2024-03-12" />
        </div>
        {question.guidance && <GuidancePanel questionId={question.id} guidance={question.guidance} />}
        <AnswerHistory question={question} template={template} />
      </div>
    </li>
  );
}
