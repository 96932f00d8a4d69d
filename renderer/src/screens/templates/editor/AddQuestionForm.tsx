import { useState } from 'react';
import { QUESTION_TYPES, type QuestionType } from '../../../../../shared/templates/schema';
import { useTemplateEditor } from '../../../state/template-editor-store';
import { QUESTION_TYPE_LABELS } from '../labels';

/** Adds a question of the chosen type at the end of the area. */
export function AddQuestionForm({ areaId, areaName }: { areaId: string; areaName: string }) {
  const [type, setType] = useState<QuestionType>('scale');
  const selectId = `add-question-type-${areaId}`;
  return (
    <form
      className="inline-form add-question"
      aria-label={`Ny fråga i ${areaName}`}
      onSubmit={(e) => {
        e.preventDefault();
        useTemplateEditor.getState().addQuestion(areaId, type);
      }}
    >
      <div className="field">
        <label htmlFor={selectId}>Typ av ny fråga</label>
        <select id={selectId} value={type} onChange={(e) => setType(e.target.value as QuestionType)}>
          {QUESTION_TYPES.map((t) => (
            <option key={t} value={t}>
              {QUESTION_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" aria-label={`Lägg till fråga i ${areaName}`}>
        Lägg till fråga
      </button>
    </form>
  );
}
