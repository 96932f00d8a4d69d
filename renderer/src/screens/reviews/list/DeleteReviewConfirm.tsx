import { useEffect, useRef } from 'react';
import type { Review } from '../../../../../shared/contract/reviews';

interface Props {
  review: Review;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** The confirm step before a review is deleted; "Avbryt" has the focus, so Enter does no harm. */
export function DeleteReviewConfirm({ review, busy, onConfirm, onCancel }: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div className="alert alert-confirm" role="alertdialog" aria-labelledby="delete-review-title" aria-describedby="delete-review-text">
      <h2 id="delete-review-title">Ta bort {review.example ? 'exempelgranskningen' : 'granskningen'} &quot;{review.title}&quot;?</h2>
      <p id="delete-review-text">
        {review.example
          ? 'Exempelgranskningen tas bort med sina påhittade akter, urval och svar. Du kan skapa en ny när du vill.'
          : 'Granskningen tas bort med sin akt-lista och sitt urval. Det går inte att ångra.'}
      </p>
      <div className="button-row">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          Ta bort
        </button>
        <button type="button" ref={cancelRef} onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </div>
  );
}
