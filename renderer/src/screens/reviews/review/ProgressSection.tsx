import type { Review } from '../../../../../shared/contract/reviews';
import { formatNumber } from '../../../../../shared/util/format-sv';
import { hrefFor } from '../../../routing/routes';
import { useReview } from '../../../state/review-store';
import { UnitProgressTable } from './UnitProgressTable';

/**
 * The top of the review page once a sample exists: how far the review has come per unit, and
 * "Fortsätt granska" straight into the next file not done.
 */
export function ProgressSection({ review }: { review: Review }) {
  const overview = useReview((s) => s.overview);

  return (
    <section className="panel workspace" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Framsteg</h2>
      {!overview ? (
        <p className="muted">Framstegen kunde inte hämtas. Ladda om sidan för att försöka igen.</p>
      ) : (
        <>
          <div className="workspace-next">
            <div className="workspace-summary">
              <p id="progress-summary">
                Klara akter: <strong>{formatNumber(overview.files.done)}</strong> av {formatNumber(overview.files.total)}
              </p>
              <progress
                max={Math.max(overview.files.total, 1)}
                value={overview.files.done}
                aria-labelledby="progress-summary"
                aria-valuetext={`${formatNumber(overview.files.done)} av ${formatNumber(overview.files.total)} akter klara`}
              />
            </div>
            {overview.next ? (
              <div className="continue">
                <a className="button-link primary" href={hrefFor({ name: 'scoring', reviewId: review.id, caseId: overview.next.caseId })} aria-describedby="next-file">
                  Fortsätt granska
                </a>
                <span id="next-file" className="hint">
                  Nästa akt: {overview.next.ref} ({overview.next.unit})
                </span>
              </div>
            ) : (
              <p className="all-done">{overview.files.total > 0 ? 'Alla akter är klara.' : 'Urvalet har inga akter att granska.'}</p>
            )}
          </div>
          <UnitProgressTable units={overview.units} />
        </>
      )}
    </section>
  );
}
