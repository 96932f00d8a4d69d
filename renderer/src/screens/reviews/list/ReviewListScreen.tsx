import { useEffect, useState } from 'react';
import type { Review } from '../../../../../shared/contract/reviews';
import { CheckboxField } from '../../../components/CheckboxField';
import { ScreenHeading } from '../../../frame/ScreenHeading';
import { hrefFor, navigate } from '../../../routing/routes';
import { useReviewList } from '../../../state/review-list-store';
import { CreatedWithWarnings, type CreatedNotice } from './CreatedWithWarnings';
import { DeleteReviewConfirm } from './DeleteReviewConfirm';
import { GettingStarted } from './GettingStarted';
import { NewReviewForm } from './NewReviewForm';
import { ReviewTable } from './ReviewTable';

/** All reviews (granskningar): open one, or start a new one on a template; "Kom igång" for the first steps. */
export function ReviewListScreen() {
  const loadState = useReviewList((s) => s.loadState);
  const loadError = useReviewList((s) => s.loadError);
  const reviews = useReviewList((s) => s.reviews);
  const includeArchived = useReviewList((s) => s.includeArchived);
  const [creating, setCreating] = useState(false);
  const [creatingExample, setCreatingExample] = useState(false);
  const [notice, setNotice] = useState<CreatedNotice>();
  const [deleting, setDeleting] = useState<Review>();
  const [deleteBusy, setDeleteBusy] = useState(false);

  useEffect(() => {
    void useReviewList.getState().load();
  }, []);

  const example = reviews.find((r) => r.example);
  const exampleAction = example ? (
    <a className="button-link" href={hrefFor({ name: 'review', id: example.id })}>
      Öppna exempelgranskningen
    </a>
  ) : (
    <button
      type="button"
      disabled={creatingExample}
      onClick={async () => {
        setCreatingExample(true);
        const id = await useReviewList.getState().createExample();
        setCreatingExample(false);
        if (id) navigate({ name: 'review', id });
      }}
    >
      {creatingExample ? 'Skapar exempelgranskning…' : 'Skapa exempelgranskning'}
    </button>
  );

  async function confirmDelete(review: Review) {
    setDeleteBusy(true);
    const deleted = await useReviewList.getState().deleteReview(review.id);
    setDeleteBusy(false);
    if (deleted) {
      setDeleting(undefined);
      document.querySelector<HTMLElement>('.screen-heading')?.focus();
    }
  }

  /** Back to the button that asked, so keyboard users continue where they were. */
  function cancelDelete(review: Review) {
    setDeleting(undefined);
    const label = `Ta bort ${review.title}`;
    [...document.querySelectorAll<HTMLButtonElement>('.screen-reviews button[aria-label]')].find((b) => b.getAttribute('aria-label') === label)?.focus();
  }

  const noReviews = loadState === 'ready' && reviews.length === 0;
  return (
    <div className="screen screen-reviews">
      <ScreenHeading>Granskningar</ScreenHeading>
      <p className="lead">En granskning har en låst version av en mall, en akt-lista från enheterna, ett dokumenterat urval och svaren per akt.</p>
      {loadState === 'ready' && <GettingStarted prominent={noReviews && !creating} example={exampleAction} />}
      <div className="toolbar">
        {!creating && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setNotice(undefined);
              setCreating(true);
            }}
          >
            Ny granskning
          </button>
        )}
        <CheckboxField id="reviews-include-archived" label="Visa arkiverade" checked={includeArchived} onChange={(v) => void useReviewList.getState().setIncludeArchived(v)} />
      </div>
      {creating && (
        <NewReviewForm
          onCancel={() => setCreating(false)}
          onCreated={(id, warnings) => {
            if (warnings.length === 0) {
              navigate({ name: 'review', id });
              return;
            }
            // Created, but it looks like a mistake: say so here, with the way on, instead of moving away from the warning.
            setCreating(false);
            setNotice({ id, warnings });
            void useReviewList.getState().load();
          }}
        />
      )}
      {notice && <CreatedWithWarnings notice={notice} title={reviews.find((r) => r.id === notice.id)?.title} onDismiss={() => setNotice(undefined)} />}
      {deleting && <DeleteReviewConfirm review={deleting} busy={deleteBusy} onConfirm={() => void confirmDelete(deleting)} onCancel={() => cancelDelete(deleting)} />}
      {loadState === 'loading' && <p>Hämtar granskningar…</p>}
      {loadState === 'error' && (
        <div className="alert alert-error" role="alert">
          <p>Granskningarna kunde inte hämtas: {loadError}</p>
          <button type="button" onClick={() => void useReviewList.getState().load()}>
            Försök igen
          </button>
        </div>
      )}
      {reviews.length > 0 && <ReviewTable reviews={reviews} onDelete={setDeleting} />}
    </div>
  );
}
