import type { Review } from '../../../../../shared/contract/reviews';
import { useReview } from '../../../state/review-store';
import { ImportPreview } from './ImportPreview';
import { KeyFileNotice } from './KeyFileNotice';

/** The import in progress (its preview or why the file could not be read) and the key it wrote. */
export function ImportArea({ review }: { review: Review }) {
  const session = useReview((s) => s.importSession);
  const importError = useReview((s) => s.importError);
  return (
    <>
      {importError && (
        <div className="alert alert-error" role="alert">
          <p>{importError.message}</p>
        </div>
      )}
      {session && <ImportPreview session={session} targetGroup={review.targetGroup} />}
      <KeyFileNotice />
    </>
  );
}
