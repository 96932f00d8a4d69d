import { useEffect, useRef } from 'react';
import { useTemplateEditor } from '../../../state/template-editor-store';

/** "Frågan togs bort. [Ångra]" after a deletion; focus goes to Ångra so Enter or Ctrl+Z brings it back. */
export function UndoNotice() {
  const visible = useTemplateEditor((s) => s.undoNoticeVisible);
  const last = useTemplateEditor((s) => s.deleted[s.deleted.length - 1]);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (visible && last) buttonRef.current?.focus();
  }, [visible, last]);

  if (!visible || !last) return null;
  const { undoDelete, dismissUndo } = useTemplateEditor.getState();
  return (
    <div className="undo-notice">
      <p>
        Frågan togs bort <span className="muted">({last.question.id}: {truncate(last.question.text, 60)})</span>.
      </p>
      <button type="button" ref={buttonRef} onClick={() => undoDelete()} aria-keyshortcuts="Control+Z">
        Ångra
      </button>
      <button type="button" className="icon-button" onClick={dismissUndo} aria-label="Stäng meddelandet">
        ×
      </button>
    </div>
  );
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
