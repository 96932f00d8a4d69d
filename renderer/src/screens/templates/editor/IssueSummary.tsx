import { useTemplateEditor } from '../../../state/template-editor-store';
import { describePath } from '../../../state/template-issues';
import { focusField } from './focus-field';

/** Everything that keeps the template from being saved, each linked to its field. */
export function IssueSummary() {
  const issues = useTemplateEditor((s) => s.issues);
  const saveError = useTemplateEditor((s) => s.saveError);
  const saveState = useTemplateEditor((s) => s.saveState);
  const template = useTemplateEditor((s) => s.draft?.template);
  if (!template || (issues.length === 0 && !saveError)) return null;

  const list = saveError ? (saveError.issues ?? []) : issues;
  return (
    <div className="alert alert-error issue-summary" role="alert" aria-labelledby="issue-summary-title">
      <h2 id="issue-summary-title">{saveError ? 'Mallen kunde inte sparas' : 'Ändringen är inte sparad'}</h2>
      <p>{saveError ? saveError.message : `Rätta ${issues.length === 1 ? 'felet' : `de ${issues.length} felen`} nedan, så sparas mallen direkt.`}</p>
      {list.length > 0 && (
        <ul className="issue-list">
          {list.map((issue, i) => (
            <li key={`${issue.path}-${i}`}>
              <button type="button" className="link-button" onClick={() => focusField(issue.path)}>
                {describePath(template, issue.path)}
              </button>
              : {issue.message}
            </li>
          ))}
        </ul>
      )}
      {saveError && saveState === 'error' && (
        <button type="button" onClick={() => void useTemplateEditor.getState().retry()}>
          Försök spara igen
        </button>
      )}
    </div>
  );
}
