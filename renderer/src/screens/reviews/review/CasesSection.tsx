import type { Review } from '../../../../../shared/contract/reviews';
import { useReview } from '../../../state/review-store';
import { CaseTable } from './CaseTable';
import { ImportPreview } from './ImportPreview';
import { KeyFileNotice } from './KeyFileNotice';

/** "Akter": the sampling frame — import a case list from the units and see the cases. */
export function CasesSection({ review }: { review: Review }) {
  const cases = useReview((s) => s.cases);
  const busy = useReview((s) => s.busy);
  const session = useReview((s) => s.importSession);
  const importError = useReview((s) => s.importError);

  return (
    <section className="panel" aria-labelledby="cases-heading">
      <h2 id="cases-heading">Akter</h2>
      <p className="hint">
        Importera akt-listan från enheterna som CSV (semikolon eller komma) eller Excel (.xlsx, första bladet). Kolumnerna akt och enhet krävs; personnummer används bara för att räkna fram
        kön och ålder och sparas aldrig.
      </p>
      {!session && (
        <div className="toolbar">
          <button type="button" className="primary" disabled={busy} onClick={() => void useReview.getState().startImport()}>
            Importera akt-lista…
          </button>
        </div>
      )}
      {importError && (
        <div className="alert alert-error" role="alert">
          <p>{importError.message}</p>
        </div>
      )}
      {session && <ImportPreview session={session} targetGroup={review.targetGroup} />}
      <KeyFileNotice />
      {cases.length === 0 ? <p className="muted">Inga akter ännu.</p> : <CaseTable cases={cases} reviewId={review.id} targetGroup={review.targetGroup} />}
    </section>
  );
}
