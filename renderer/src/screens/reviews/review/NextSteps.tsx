import type { ReactNode } from 'react';
import type { Review } from '../../../../../shared/contract/reviews';
import { useReview } from '../../../state/review-store';
import { akter } from '../../../../../shared/util/plural-sv';
import { ImportArea } from './ImportArea';
import { SamplingForm } from './SamplingForm';

/**
 * The top of the review page before a sample exists: the way to the first file, with the action
 * of the step that is next (import the case list, then draw the sample) right where it is named.
 */
export function NextSteps({ review }: { review: Review }) {
  const busy = useReview((s) => s.busy);
  const session = useReview((s) => s.importSession);
  const hasCases = review.caseCount > 0;

  return (
    <section className="panel workspace" aria-labelledby="next-steps-heading">
      <h2 id="next-steps-heading">Nästa steg</h2>
      <ol className="steps">
        <Step title="Importera akt-lista" state={hasCases ? 'done' : 'current'} doneText={`Klart: ${akter(review.caseCount)} i akt-listan.`}>
          <p className="hint">
            Akt-listan från enheterna som CSV (semikolon eller komma) eller Excel (.xlsx, första bladet). Kolumnerna akt och enhet krävs; personnummer används bara för att räkna fram
            kön och ålder och sparas aldrig.
          </p>
          {!session && (
            <div className="toolbar">
              <button type="button" className="primary" disabled={busy} onClick={() => void useReview.getState().startImport()}>
                Importera akt-lista…
              </button>
            </div>
          )}
          <ImportArea review={review} />
        </Step>
        <Step title="Dra urval" state={hasCases ? 'current' : 'later'}>
          <SamplingForm />
        </Step>
        <Step title="Granska akterna i urvalet" state="later" />
      </ol>
    </section>
  );
}

function Step({ title, state, doneText, children }: { title: string; state: 'done' | 'current' | 'later'; doneText?: string; children?: ReactNode }) {
  return (
    <li className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
      <h3>{title}</h3>
      {state === 'done' && <p className="step-result">{doneText}</p>}
      {state === 'current' && children}
    </li>
  );
}
