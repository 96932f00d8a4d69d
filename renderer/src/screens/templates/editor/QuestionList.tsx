import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTemplateEditor } from '../../../state/template-editor-store';
import { QuestionCard } from './QuestionCard';
import { draggedKey } from './drag';
import { useReadOnly } from './hooks';

/** The questions of one area in template order; an empty area accepts a dropped question. */
export function QuestionList({ areaId }: { areaId: string }) {
  const keys = useTemplateEditor(
    useShallow((s) => (s.draft ? s.draft.keys.filter((_, i) => s.draft!.template.questions[i].area === areaId) : [])),
  );
  const readOnly = useReadOnly();
  const [dropping, setDropping] = useState(false);

  if (keys.length === 0) {
    return (
      <p
        className={`empty-area ${dropping ? 'drop-target' : ''}`}
        onDragOver={(e) => {
          if (readOnly || !draggedKey()) return;
          e.preventDefault();
          setDropping(true);
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDropping(false);
          const key = draggedKey();
          if (key) useTemplateEditor.getState().moveQuestionToArea(key, areaId);
        }}
      >
        Inga frågor i området ännu.
      </p>
    );
  }
  return (
    <ol className="question-list">
      {keys.map((key, pos) => (
        <QuestionCard key={key} qkey={key} position={pos} count={keys.length} />
      ))}
    </ol>
  );
}
