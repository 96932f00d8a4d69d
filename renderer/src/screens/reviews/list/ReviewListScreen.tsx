import { useEffect, useState } from 'react';
import { CheckboxField } from '../../../components/CheckboxField';
import { ScreenHeading } from '../../../frame/ScreenHeading';
import { navigate } from '../../../routing/routes';
import { useReviewList } from '../../../state/review-list-store';
import { NewReviewForm } from './NewReviewForm';
import { ReviewTable } from './ReviewTable';

/** All reviews (granskningar): open one, or start a new one on a template. */
export function ReviewListScreen() {
  const loadState = useReviewList((s) => s.loadState);
  const loadError = useReviewList((s) => s.loadError);
  const reviews = useReviewList((s) => s.reviews);
  const includeArchived = useReviewList((s) => s.includeArchived);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void useReviewList.getState().load();
  }, []);

  return (
    <div className="screen screen-reviews">
      <ScreenHeading>Granskningar</ScreenHeading>
      <p className="lead">En granskning har en låst version av en mall, en akt-lista från enheterna, ett dokumenterat urval och svaren per akt.</p>
      <div className="toolbar">
        {!creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            Ny granskning
          </button>
        )}
        <CheckboxField id="reviews-include-archived" label="Visa arkiverade" checked={includeArchived} onChange={(v) => void useReviewList.getState().setIncludeArchived(v)} />
      </div>
      {creating && <NewReviewForm onCancel={() => setCreating(false)} onCreated={(id) => navigate({ name: 'review', id })} />}
      {loadState === 'loading' && <p>Hämtar granskningar…</p>}
      {loadState === 'error' && (
        <div className="alert alert-error" role="alert">
          <p>Granskningarna kunde inte hämtas: {loadError}</p>
          <button type="button" onClick={() => void useReviewList.getState().load()}>
            Försök igen
          </button>
        </div>
      )}
      {loadState === 'ready' && reviews.length === 0 && !creating && (
        <div className="empty-state">
          <h2>Inga granskningar ännu</h2>
          <p>Börja med knappen Ny granskning: välj mall, ge granskningen en titel och lägg till enheterna.</p>
        </div>
      )}
      {reviews.length > 0 && <ReviewTable reviews={reviews} />}
    </div>
  );
}
