import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Question, Template } from '../../../../shared/templates/schema';
import { LegalReferences } from '../../components/LegalReferences';
import { useScoring } from '../../state/scoring-store';
import { AnswerHistory } from './AnswerHistory';
import { ChoiceAnswer } from './ChoiceAnswer';
import { FindingToggle } from './FindingToggle';
import { FreeTextField } from './FreeTextField';
import { GuidancePanel } from './GuidancePanel';
import { optionForKey, stepForKey, toggledChoice } from './keys';
import { QuestionSummary } from './QuestionSummary';
import { SaveStatusText } from './SaveStatusText';
import { ScaleAnswer } from './ScaleAnswer';
import { TypedAnswer } from './TypedAnswer';
import { useBecomeCurrent } from './useBecomeCurrent';

interface Props {
  question: Question;
  template: Template;
  /** Position among all questions of the file (0-based). */
  index: number;
}

const TYPING = 'input[type="text"], input:not([type]), textarea, select';

/**
 * One question, keyboard first. The question itself takes focus and answers with one key; Tab goes
 * on to the note and "Var i akten". Only the current question shows its note fields, guidance,
 * Lagrum and Historik: an inspector scores 38 questions in a row, and with every question unfolded
 * two of them filled a laptop screen. The others show their answer (still clickable) and a one-line
 * summary of their note, and every question box is a tab stop, so Tab from the current question's
 * last field reaches the next question (its fields are not there to reach until it is current).
 */
export function ScoringQuestion({ question, template, index }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const isCurrent = useScoring((s) => s.current === index);
  // Only a focus request for this very question moves focus here. (Keyed on `current`, a click into
  // another question's note made that question take focus back to itself, and the digits typed
  // next answered it and the question after it.)
  const focusTick = useScoring((s) => (s.focusIndex === index ? s.focusTick : 0));
  const readOnly = useScoring((s) => s.readOnly);
  const period = useScoring((s) => s.view?.period);
  const value = useScoring((s) => s.shown[question.id]?.value ?? null);
  const answered = useScoring((s) => {
    const v = s.saved[question.id]?.value;
    return v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);
  });
  // A note holding a personal identity number stays unfolded: its warning says the text is not saved.
  const held = useScoring((s) => Object.values(s.textIssues[question.id] ?? {}).some(Boolean));
  const guidanceOpen = useScoring((s) => !!s.guidanceOpen[question.id]);
  const unfolded = isCurrent || held;
  const textId = `q-${question.id}-text`;
  const current = useBecomeCurrent(index, question.id, isCurrent, ref);

  useEffect(() => {
    if (focusTick === 0 || !ref.current) return;
    const target = (!readOnly && ref.current.querySelector<HTMLElement>('[data-answer-input]')) || ref.current;
    target.focus({ preventScroll: true });
    if (focusTick === 1) {
      // A file just opened: its heading (which file this is) in view, the question as near it as fits.
      document.querySelector('.screen-scoring h1')?.scrollIntoView?.({ block: 'start' });
      ref.current.scrollIntoView?.({ block: 'nearest' });
    } else ref.current.scrollIntoView?.({ block: 'center' });
  }, [focusTick, readOnly]);

  const store = useScoring.getState;
  const answer = (v: Parameters<ReturnType<typeof store>['answer']>[1]) => void store().answer(question.id, v);
  /** On to the next question — counted from this question, never from wherever "current" is by now. */
  const moveOn = (delta = 1) => store().setCurrent(index + delta, true);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    // Keys typed into a field belong to that field, never to a question (the field's own handler
    // moves on after Enter or a complete date).
    if (target.matches(TYPING)) {
      if (e.key === 'Escape') {
        e.preventDefault();
        ref.current?.focus();
      }
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      moveOn(e.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    if (e.key === '?' || e.key === 'g' || e.key === 'G') {
      if (!question.guidance) return;
      e.preventDefault();
      store().toggleGuidance(question.id);
      return;
    }
    if (readOnly) return;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      if (target !== ref.current || value === null) return;
      e.preventDefault();
      answer(null);
      return;
    }
    if (e.key === 'Enter' && (target === ref.current || target.matches('input[type="checkbox"]'))) {
      const input = ref.current?.querySelector<HTMLElement>('[data-answer-input]');
      if (input) {
        e.preventDefault();
        input.focus();
      } else if (question.type === 'choice' && question.multiple) {
        // A multiple choice takes several keys; Enter (or ↓) says it is complete.
        e.preventDefault();
        moveOn();
      }
      return;
    }
    // A held key repeats: it must not answer the questions after this one as well.
    if (e.key.length !== 1 || e.repeat) return;
    if (question.type === 'scale') {
      const step = stepForKey(template.scales[question.scale] ?? [], e.key);
      if (!step) return;
      e.preventDefault();
      answer(step);
      moveOn();
    } else if (question.type === 'choice') {
      const option = optionForKey(question.options, e.key);
      if (!option) return;
      e.preventDefault();
      answer(toggledChoice(question, value, option));
      if (!question.multiple) moveOn();
    }
  }

  return (
    <li className={`scoring-question ${isCurrent ? 'is-current' : ''} ${unfolded ? '' : 'is-folded'} ${answered ? 'is-answered' : ''}`} data-question-id={question.id}>
      <div
        ref={ref}
        role="group"
        tabIndex={0}
        aria-labelledby={textId}
        aria-describedby="scoring-keys-help"
        aria-current={isCurrent ? 'step' : undefined}
        className="scoring-question-box"
        onKeyDown={onKeyDown}
        onPointerDown={current.onPointerDown}
        onFocus={current.onFocus}
        // Any click in the question (an answer button included) makes it current.
        onClick={current.onClick}
      >
        <div className="scoring-question-head">
          <h3 className="scoring-question-text" id={textId}>
            <span className="q-number">{index + 1}.</span> {question.text}
            {question.required && <span className="required-badge">Obligatorisk</span>}
          </h3>
          <SaveStatusText questionId={question.id} />
        </div>
        {question.type === 'scale' && (
          <ScaleAnswer steps={template.scales[question.scale] ?? []} value={value} labelledBy={textId} disabled={readOnly} onAnswer={answer} />
        )}
        {question.type === 'choice' && <ChoiceAnswer question={question} value={value} labelledBy={textId} disabled={readOnly} onAnswer={answer} />}
        {(question.type === 'date' || question.type === 'number') && (
          <TypedAnswer question={question} template={template} value={value} labelledBy={textId} readOnly={readOnly} onAnswer={answer} onMove={moveOn} />
        )}
        {question.type === 'text' && <FreeTextField questionId={question.id} field="value" label="Svar" multiline isAnswer readOnly={readOnly} />}
        {unfolded ? (
          <div className="field-row scoring-notes">
            <FreeTextField questionId={question.id} field="note" label="Anteckning" multiline readOnly={readOnly} />
            <FreeTextField questionId={question.id} field="fileRef" label="Var i akten" placeholder="t.ex. journal 2024-03-12" readOnly={readOnly} />
            <FindingToggle questionId={question.id} areaName={template.areas.find((a) => a.id === question.area)?.name ?? question.area} />
          </div>
        ) : (
          <QuestionSummary questionId={question.id} />
        )}
        {/* Guidance the reviewer opened stays open when the question folds. */}
        {question.guidance && (unfolded || guidanceOpen) && <GuidancePanel questionId={question.id} guidance={question.guidance} />}
        {unfolded && <LegalReferences refs={question.legal} period={period} headingLevel={4} />}
        {unfolded && <AnswerHistory question={question} template={template} />}
      </div>
    </li>
  );
}
