import { useEffect } from 'react';
import { ScreenHeading } from '../../../frame/ScreenHeading';
import { useTemplateEditor } from '../../../state/template-editor-store';
import { useTemplateList } from '../../../state/template-list-store';
import { ImportProblemAlert } from './ImportProblemAlert';
import { ImportWarningsNotice } from './ImportWarningsNotice';
import { NewTemplateForm } from './NewTemplateForm';
import { TemplateTable } from './TemplateTable';

/** All review templates: create, copy, import, export and delete. */
export function TemplateListScreen() {
  const loadState = useTemplateList((s) => s.loadState);
  const loadError = useTemplateList((s) => s.loadError);
  const templates = useTemplateList((s) => s.templates);
  const busy = useTemplateList((s) => s.busy);
  const importFile = useTemplateList((s) => s.importFile);

  useEffect(() => {
    // Whatever template was open is closed here (its last edit is saved first).
    useTemplateEditor.getState().reset();
    void useTemplateList.getState().load();
  }, []);

  return (
    <div className="screen screen-templates">
      <ScreenHeading>Mallar</ScreenHeading>
      <p className="lead">
        Granskningsmallarna innehåller kvalitetsområdena och frågorna som varje akt granskas mot. Inbyggda mallar följer med programmet och kan inte
        ändras – skapa en kopia för att anpassa dem.
      </p>
      <div className="toolbar">
        <NewTemplateForm />
        <button type="button" onClick={() => void importFile()} disabled={busy}>
          Importera mall…
        </button>
      </div>
      <ImportProblemAlert />
      <ImportWarningsNotice />
      {loadState === 'loading' && <p>Hämtar mallar…</p>}
      {loadState === 'error' && (
        <div className="alert alert-error" role="alert">
          <p>Mallarna kunde inte hämtas: {loadError}</p>
          <button type="button" onClick={() => void useTemplateList.getState().load()}>
            Försök igen
          </button>
        </div>
      )}
      {loadState === 'ready' && templates.length === 0 && (
        <div className="empty-state">
          <h2>Inga mallar ännu</h2>
          <p>Skapa en ny mall med knappen Ny mall, eller importera en mallfil (.json) som en kollega har exporterat.</p>
        </div>
      )}
      {templates.length > 0 && <TemplateTable templates={templates} />}
    </div>
  );
}
