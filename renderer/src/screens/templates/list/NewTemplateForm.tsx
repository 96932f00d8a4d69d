import { useEffect, useRef, useState } from 'react';
import { navigate } from '../../../routing/routes';
import { FieldIssues, describedBy } from '../../../components/FieldIssues';
import { placeIssues } from '../../../components/form-issues';
import { useTemplateList } from '../../../state/template-list-store';

/** "Ny mall": asks for a name, creates a blank template on the six quality areas and opens it. */
export function NewTemplateForm() {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState('');
  const busy = useTemplateList((s) => s.busy);
  const lastError = useTemplateList((s) => s.lastError);
  const [sent, setSent] = useState(false);
  // The core's refusal of the name (e.g. a personnummer in it) under the field, not only in the status line.
  const placed = placeIssues('templates.create', sent ? lastError?.issues : undefined, [{ name: 'name', id: 'new-template-name', label: 'Namn' }]);
  const issues = [...(problem ? [problem] : []), ...placed.at('name')];
  const inputRef = useRef<HTMLInputElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <button type="button" className="primary" ref={toggleRef} onClick={() => setOpen(true)}>
        Ny mall
      </button>
    );
  }

  const close = () => {
    setOpen(false);
    setName('');
    setProblem('');
  };

  return (
    <form
      className="inline-form"
      aria-label="Ny mall"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!name.trim()) {
          setProblem('Ge mallen ett namn.');
          inputRef.current?.focus();
          return;
        }
        setSent(true);
        const id = await useTemplateList.getState().createBlank(name);
        if (id) navigate({ name: 'template', id });
        else inputRef.current?.focus();
      }}
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <div className="field">
        <label htmlFor="new-template-name">Namn på den nya mallen</label>
        <input
          id="new-template-name"
          ref={inputRef}
          value={name}
          autoComplete="off"
          aria-invalid={issues.length ? true : undefined}
          aria-describedby={describedBy('new-template-name', undefined, issues)}
          onChange={(e) => {
            setName(e.target.value);
            setProblem('');
            setSent(false);
          }}
        />
        <FieldIssues id="new-template-name-issues" messages={issues} />
      </div>
      <button type="submit" className="primary" disabled={busy}>
        Skapa mall
      </button>
      <button type="button" onClick={close}>
        Avbryt
      </button>
    </form>
  );
}
