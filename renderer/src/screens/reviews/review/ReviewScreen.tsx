import { useEffect } from 'react';
import { ScreenHeading } from '../../../frame/ScreenHeading';
import { hrefFor } from '../../../routing/routes';
import { useReview } from '../../../state/review-store';
import { CasesSection } from './CasesSection';
import { NextSteps } from './NextSteps';
import { ProgressSection } from './ProgressSection';
import { ReviewDetails } from './ReviewDetails';
import { SamplingSection } from './SamplingSection';
import { LoadErrorScreen } from '../../../frame/LoadErrorScreen';

/**
 * One review as the inspector's workspace: progress per unit and "Fortsätt granska" first (or the
 * next step before a sample exists), then the sample per unit, the case list and the details.
 * Opening the screen loads everything afresh, so coming back from scoring shows the new progress.
 */
export function ReviewScreen({ id }: { id: string }) {
  const loadState = useReview((s) => s.loadState);
  const loadError = useReview((s) => s.loadError);
  const review = useReview((s) => s.review);
  const sample = useReview((s) => s.sample);

  useEffect(() => {
    void useReview.getState().open(id);
  }, [id]);

  if (loadState === 'error') {
    return <LoadErrorScreen title="Granskningen kunde inte öppnas" message={loadError} backHref={hrefFor({ name: 'reviews' })} backLabel="Tillbaka till granskningarna" />;
  }
  if (loadState !== 'ready' || !review) {
    return (
      <div className="screen">
        <ScreenHeading title="Granskning">Hämtar granskningen…</ScreenHeading>
      </div>
    );
  }
  return (
    <div className="screen screen-review">
      <p className="breadcrumb">
        <a href={hrefFor({ name: 'reviews' })}>Granskningar</a> <span aria-hidden="true">›</span> {review.title}
      </p>
      <ScreenHeading>{review.title}</ScreenHeading>
      <p className="review-actions">
        <a className="button-link" href={hrefFor({ name: 'results', reviewId: review.id })}>
          Resultat
        </a>{' '}
        <a className="button-link" href={hrefFor({ name: 'report', reviewId: review.id })}>
          Tjänsteutlåtande
        </a>{' '}
        <a className="button-link" href={hrefFor({ name: 'findings', reviewId: review.id })}>
          Fynd och dialogmöten
        </a>
      </p>
      {review.archived && (
        <div className="banner banner-warning">
          <p>Granskningen är arkiverad.</p>
        </div>
      )}
      {sample ? (
        <>
          <ProgressSection review={review} />
          <SamplingSection review={review} sample={sample} />
        </>
      ) : (
        <NextSteps review={review} />
      )}
      <CasesSection review={review} />
      <ReviewDetails review={review} />
    </div>
  );
}
