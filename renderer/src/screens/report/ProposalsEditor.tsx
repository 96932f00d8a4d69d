import { TextAreaField } from '../../components/TextAreaField';
import { moved, replaced, without } from '../../state/report-edits';
import { useReport } from '../../state/report-store';
import { announce } from '../../state/status-store';
import { messagesAt, proposalFieldId } from './report-issues';
import { useReportIssues } from './useReportIssues';

/** Förvaltningens förslag till beslut: numbered items (the usual three come with the first draft), added, removed and moved with buttons. */
export function ProposalsEditor({ editable }: { editable: boolean }) {
  const proposals = useReport((s) => s.draft!.proposals);
  const issues = useReportIssues();
  const { edit, flush } = useReport.getState();
  const set = (next: string[]) => edit((d) => ({ ...d, proposals: next }));
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  return (
    <section className="panel report-proposals" aria-labelledby="report-proposals-heading">
      <h2 id="report-proposals-heading">Förvaltningens förslag till beslut</h2>
      {proposals.length === 0 && <p className="hint">Inga förslag ännu.</p>}
      <ol className="report-proposal-list">
        {proposals.map((text, i) => (
          <li key={i}>
            <TextAreaField
              id={proposalFieldId(i)}
              label={`Förslag ${i + 1}`}
              value={text}
              rows={2}
              onChange={(value) => set(replaced(proposals, i, value))}
              onBlur={() => void flush()}
              issues={messagesAt(issues, `$.draft.proposals[${i}]`)}
            />
            {editable && (
              <div className="button-row">
                <button type="button" className="small" disabled={i === 0} aria-label={`Flytta upp förslag ${i + 1}`} onClick={() => {
                  set(moved(proposals, i, -1));
                  announce(`Förslag ${i + 1} flyttades upp: nu förslag ${i}.`);
                  focusLater(proposalFieldId(i - 1));
                }}>
                  ↑ Upp
                </button>
                <button type="button" className="small" disabled={i === proposals.length - 1} aria-label={`Flytta ned förslag ${i + 1}`} onClick={() => {
                  set(moved(proposals, i, 1));
                  announce(`Förslag ${i + 1} flyttades ned: nu förslag ${i + 2}.`);
                  focusLater(proposalFieldId(i + 1));
                }}>
                  ↓ Ned
                </button>
                <button type="button" className="small danger-outline" onClick={() => {
                  set(without(proposals, i));
                  void flush();
                  announce(`Förslag ${i + 1} togs bort.`);
                }}>
                  Ta bort förslag {i + 1}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {editable && proposals.length < 20 && (
        <button type="button" onClick={() => {
          set([...proposals, '']);
          focusLater(proposalFieldId(proposals.length));
        }}>
          Lägg till förslag
        </button>
      )}
    </section>
  );
}
