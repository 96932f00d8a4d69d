import { useState } from 'react';
import { useTemplateEditor } from '../../../state/template-editor-store';

/** Adds a quality area at the end; its id is made from the name. */
export function AddAreaForm() {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState('');
  return (
    <form
      className="inline-form add-area"
      aria-label="Nytt kvalitetsområde"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) {
          setProblem('Skriv områdets namn.');
          return;
        }
        const area = useTemplateEditor.getState().addArea(name);
        if (area) {
          setName('');
          useTemplateEditor.getState().note(`Kvalitetsområdet ${area.name} lades till sist.`);
        }
      }}
    >
      <div className="field">
        <label htmlFor="new-area-name">Nytt kvalitetsområde</label>
        <input
          id="new-area-name"
          value={name}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'new-area-name-issues' : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setProblem('');
          }}
        />
        {problem && (
          <ul className="field-issues" id="new-area-name-issues">
            <li>{problem}</li>
          </ul>
        )}
      </div>
      <button type="submit">Lägg till kvalitetsområde</button>
    </form>
  );
}
