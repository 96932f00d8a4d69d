import { useEffect, useRef } from 'react';
import { useTemplateList } from '../../../state/template-list-store';

/** Why an import failed: every problem in the file with its place, or a conflict that can be imported as a copy. */
export function ImportProblemAlert() {
  const problem = useTemplateList((s) => s.importProblem);
  const busy = useTemplateList((s) => s.busy);
  const { importAsCopy, dismissImportProblem } = useTemplateList.getState();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);

  if (!problem) return null;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref} aria-labelledby="import-problem-title">
      <h2 id="import-problem-title">{problem.fileName ? `${problem.fileName} importerades inte` : 'Mallen importerades inte'}</h2>
      <p>{problem.message}</p>
      {problem.kind === 'validation' && (
        <ul className="issue-list" aria-label="Fel i filen">
          {problem.issues.map((issue, i) => (
            // The core says where in words ("Fråga 4 (H2): …"); the JSON path is for programs.
            <li key={`${issue.path}-${i}`}>{issue.message}</li>
          ))}
        </ul>
      )}
      <div className="button-row">
        {problem.kind === 'conflict' && (
          <button type="button" className="primary" disabled={busy} onClick={() => void importAsCopy()}>
            Importera som kopia
          </button>
        )}
        <button type="button" onClick={dismissImportProblem}>
          {problem.kind === 'conflict' ? 'Avbryt' : 'Stäng'}
        </button>
      </div>
    </div>
  );
}
