import { useEffect } from 'react';
import { ScreenHeading } from '../../../frame/ScreenHeading';
import { hrefFor } from '../../../routing/routes';
import { useReview } from '../../../state/review-store';
import { CasesSection } from './CasesSection';
import { ReviewDetails } from './ReviewDetails';
import { SamplingSection } from './SamplingSection';
import { LoadErrorScreen } from '../../../frame/LoadErrorScreen';

/** One review: its details, the case list (Akter) and the sample (Urval), with links into scoring. */
export function ReviewScreen({ id }: { id: string }) {
  const loadState = useReview((s) => s.loadState);
  const loadError = useReview((s) => s.loadError);
  const review = useReview((s) => s.review);

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
      {review.archived && (
        <div className="banner banner-warning">
          <p>Granskningen är arkiverad.</p>
        </div>
      )}
      <ReviewDetails review={review} />
      <CasesSection review={review} />
      <SamplingSection review={review} />
    </div>
  );
}
