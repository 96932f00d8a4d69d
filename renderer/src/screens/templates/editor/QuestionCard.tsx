import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTemplateEditor } from '../../../state/template-editor-store';
import { fieldDomId } from '../../../state/template-issues';
import { QUESTION_TYPE_LABELS } from '../labels';
import { QuestionForm } from './QuestionForm';
import { draggedKey, setDraggedKey } from './drag';
import { flushNow, keepFocusDuring, useHasIssuesUnder, useReadOnly } from './hooks';

interface Props {
  qkey: string;
  /** Place within the area (0-based) and the area's question count. */
  position: number;
  count: number;
}

/**
 * One question: a row with its id, text and actions (open, move, delete) and, when open, its form.
 * Alt+ArrowUp/Alt+ArrowDown anywhere in the card move it; it can also be dragged by its row.
 */
export function QuestionCard({ qkey, position, count }: Props) {
  const index = useTemplateEditor((s) => s.draft?.keys.indexOf(qkey) ?? -1);
  const question = useTemplateEditor((s) => (index >= 0 ? s.draft?.template.questions[index] : undefined));
  const areaName = useTemplateEditor((s) => s.draft?.template.areas.find((a) => a.id === question?.area)?.name ?? '');
  const expandedByUser = useTemplateEditor((s) => s.expanded[qkey] ?? false);
  const focusRequest = useTemplateEditor((s) => (s.focusRequest?.key === qkey ? s.focusRequest.target : undefined));
  const hasIssues = useHasIssuesUnder(`$.questions[${index}]`);
  const readOnly = useReadOnly();
  const [dropPlace, setDropPlace] = useState<'before' | 'after' | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  const expanded = expandedByUser || hasIssues;
  const bodyId = `question-${qkey}-body`;

  useEffect(() => {
    if (!focusRequest) return;
    const el = focusRequest === 'text' ? (document.getElementById(fieldDomId(`$.questions[${index}].text`)) as HTMLTextAreaElement | null) : toggleRef.current;
    if (!el) return;
    el.focus();
    if (el instanceof HTMLTextAreaElement) el.select();
    el.scrollIntoView?.({ block: 'nearest' });
    useTemplateEditor.getState().clearFocusRequest();
  }, [focusRequest, index, expanded]);

  if (!question) return null;
  const { setExpanded, moveQuestion, moveQuestionTo, deleteQuestion, note } = useTemplateEditor.getState();
  const named = ` fråga ${question.id}`;

  const move = (direction: -1 | 1) => {
    const target = position + direction;
    if (target < 0 || target >= count) return;
    keepFocusDuring(() => {
      flushNow();
      if (moveQuestion(qkey, direction)) note(`Fråga ${question.id} flyttades till plats ${target + 1} av ${count} i ${areaName}.`);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (readOnly || !e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    const target = e.target as HTMLElement;
    if (target.tagName === 'SELECT' || target.tagName === 'TEXTAREA') return;
    e.preventDefault();
    move(e.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <li
      className={`question-card ${dropPlace ? `drop-${dropPlace}` : ''} ${hasIssues ? 'has-issues' : ''}`}
      onKeyDown={onKeyDown}
      onDragOver={(e) => {
        const dragged = draggedKey();
        if (readOnly || !dragged || dragged === qkey) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        const box = e.currentTarget.getBoundingClientRect();
        setDropPlace(e.clientY < box.top + box.height / 2 ? 'before' : 'after');
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropPlace(null);
      }}
      onDrop={(e) => {
        e.preventDefault();
        const dragged = draggedKey();
        const place = dropPlace ?? 'before';
        setDropPlace(null);
        setDraggedKey(null);
        if (!dragged || dragged === qkey) return;
        flushNow();
        moveQuestionTo(dragged, qkey, place);
        const moved = useTemplateEditor.getState().draft;
        const movedId = moved?.template.questions[moved.keys.indexOf(dragged)]?.id;
        note(`Fråga ${movedId} flyttades ${place === 'before' ? 'före' : 'efter'} fråga ${question.id}.`);
      }}
    >
      <div
        className="question-row"
        draggable={!readOnly}
        onDragStart={(e) => {
          setDraggedKey(qkey);
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', question.id);
        }}
        onDragEnd={() => setDraggedKey(null)}
      >
        {!readOnly && (
          <span className="drag-handle" aria-hidden="true" title="Dra för att flytta">
            ⠿
          </span>
        )}
        <button
          type="button"
          ref={toggleRef}
          id={fieldDomId(`$.questions[${index}]`)}
          className="question-toggle"
          aria-expanded={expanded}
          aria-controls={bodyId}
          aria-keyshortcuts={readOnly ? undefined : 'Alt+ArrowUp Alt+ArrowDown'}
          onClick={() => setExpanded(qkey, !expanded)}
        >
          <span className="chevron" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>
          <span className="q-id">{question.id}</span>{' '}
          <span className="q-text">{question.text}</span>{' '}
          <span className="q-meta">
            {QUESTION_TYPE_LABELS[question.type]}
            {question.required && ', obligatorisk'}
            {hasIssues && ', har fel'}
          </span>
        </button>
        {!readOnly && (
          <div className="button-row">
            <button type="button" className="small" aria-label={`Flytta upp${named}`} aria-disabled={position === 0 || undefined} onClick={() => move(-1)}>
              Flytta upp
            </button>
            <button type="button" className="small" aria-label={`Flytta ned${named}`} aria-disabled={position === count - 1 || undefined} onClick={() => move(1)}>
              Flytta ned
            </button>
            <button type="button" className="small danger-outline" aria-label={`Ta bort${named}`} onClick={() => deleteQuestion(qkey)}>
              Ta bort
            </button>
          </div>
        )}
      </div>
      {expanded && (
        <div className="question-body" id={bodyId}>
          <fieldset className="plain" disabled={readOnly}>
            <legend className="visually-hidden">Fråga {question.id}</legend>
            <QuestionForm qkey={qkey} index={index} question={question} />
          </fieldset>
        </div>
      )}
    </li>
  );
}
