import type { Signature } from '../../../../shared/contract/report-model';
import { TextField } from '../../components/TextField';
import { EMPTY_SIGNATURE, moved, replaced, without } from '../../state/report-edits';
import { useReport } from '../../state/report-store';
import { announce } from '../../state/status-store';
import { messagesAt, signatureFieldId } from './report-issues';
import { useReportIssues } from './useReportIssues';

const FIELDS: { field: keyof Signature; label: string }[] = [
  { field: 'name', label: 'Namn' },
  { field: 'title', label: 'Titel' },
  { field: 'administration', label: 'Förvaltning' },
];

/** The signature blocks (name, title, administration) in the order they are printed; where they stand is the Underskrifter section's place. */
export function SignaturesEditor({ editable }: { editable: boolean }) {
  const signatures = useReport((s) => s.draft!.signatures);
  const administration = useReport((s) => s.draft!.header.administration);
  const issues = useReportIssues();
  const { edit, flush } = useReport.getState();
  const set = (next: Signature[]) => edit((d) => ({ ...d, signatures: next }));
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  return (
    <section className="panel report-signatures" aria-labelledby="report-signatures-heading">
      <h2 id="report-signatures-heading">Underskrifter</h2>
      {signatures.length === 0 && <p className="hint">Inga underskrifter ännu.</p>}
      <ol className="report-signature-list">
        {signatures.map((signature, i) => (
          <li key={i}>
            <div className="field-row">
              {FIELDS.map(({ field, label }) => (
                <TextField
                  key={field}
                  id={signatureFieldId(i, field)}
                  label={`Underskrift ${i + 1}, ${label.toLowerCase()}`}
                  value={signature[field]}
                  onChange={(value) => set(replaced(signatures, i, { ...signature, [field]: value }))}
                  onBlur={() => void flush()}
                  issues={messagesAt(issues, `$.draft.signatures[${i}].${field}`)}
                />
              ))}
            </div>
            {editable && (
              <div className="button-row">
                <button type="button" className="small" disabled={i === 0} aria-label={`Flytta upp underskrift ${i + 1}`} onClick={() => {
                  set(moved(signatures, i, -1));
                  announce(`Underskrift ${i + 1} flyttades upp.`);
                  focusLater(signatureFieldId(i - 1, 'name'));
                }}>
                  ↑ Upp
                </button>
                <button type="button" className="small" disabled={i === signatures.length - 1} aria-label={`Flytta ned underskrift ${i + 1}`} onClick={() => {
                  set(moved(signatures, i, 1));
                  announce(`Underskrift ${i + 1} flyttades ned.`);
                  focusLater(signatureFieldId(i + 1, 'name'));
                }}>
                  ↓ Ned
                </button>
                <button type="button" className="small danger-outline" onClick={() => {
                  set(without(signatures, i));
                  void flush();
                  announce(`Underskrift ${i + 1} togs bort.`);
                }}>
                  Ta bort underskrift {i + 1}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {editable && signatures.length < 10 && (
        <button type="button" onClick={() => {
          set([...signatures, { ...EMPTY_SIGNATURE, administration }]);
          focusLater(signatureFieldId(signatures.length, 'name'));
        }}>
          Lägg till underskrift
        </button>
      )}
    </section>
  );
}
