import { useState } from 'react';
import type { Review } from '../../../../../shared/contract/reviews';
import { useReview } from '../../../state/review-store';
import { CaseListSearch } from './CaseListSearch';
import { CasePager } from './CasePager';
import { CaseTable } from './CaseTable';
import { akter } from '../../../../../shared/util/plural-sv';
import { ImportArea } from './ImportArea';

/**
 * "Akter": the sampling frame. Secondary once it exists: folded after the sample is drawn (open
 * before, when it is what is checked), searched and paged on the core so 100,000 rows stay light.
 */
export function CasesSection({ review }: { review: Review }) {
  const caseList = useReview((s) => s.caseList);
  const sample = useReview((s) => s.sample);
  const busy = useReview((s) => s.busy);
  const session = useReview((s) => s.importSession);
  const [toggled, setToggled] = useState<boolean>();
  const hasCases = review.caseCount > 0;
  const expanded = toggled ?? !sample;

  return (
    <section className="panel cases-section" aria-labelledby="cases-heading">
      <h2 id="cases-heading">Akter</h2>
      {!hasCases ? (
        <p className="muted">Inga akter ännu. Importera akt-listan under Nästa steg ovan.</p>
      ) : (
        <>
          <p>{akter(review.caseCount)} i akt-listan – urvalet dras ur den.</p>
          <div className="toolbar">
            <button type="button" className="disclosure" aria-expanded={expanded} aria-controls="case-list" onClick={() => setToggled(!expanded)}>
              <span className="disclosure-icon" aria-hidden="true">
                {expanded ? '▾' : '▸'}
              </span>
              Akt-listan
            </button>
            {!session && (
              <button type="button" disabled={busy} onClick={() => void useReview.getState().startImport()}>
                Importera akt-lista…
              </button>
            )}
          </div>
          <ImportArea review={review} />
          <div id="case-list" hidden={!expanded}>
            <CaseListSearch />
            <CasePager />
            {caseList.cases.length > 0 && <CaseTable cases={caseList.cases} reviewId={review.id} targetGroup={review.targetGroup} sample={sample} />}
          </div>
        </>
      )}
    </section>
  );
}
