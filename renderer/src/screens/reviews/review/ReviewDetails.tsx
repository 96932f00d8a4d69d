import { useState } from 'react';
import type { Review } from '../../../../../shared/contract/reviews';
import { useReview } from '../../../state/review-store';
import { TARGET_GROUP_LABELS, formatDateTime } from '../../templates/labels';
import { ReviewForm } from './ReviewForm';

/** "Uppgifter": the review's facts, editable in place; archive and restore. */
export function ReviewDetails({ review }: { review: Review }) {
  const [editing, setEditing] = useState(false);
  const busy = useReview((s) => s.busy);
  const overview = useReview((s) => s.overview);

  return (
    <section className="panel" aria-labelledby="review-details-heading">
      <h2 id="review-details-heading">Uppgifter</h2>
      {editing ? (
        <ReviewForm
          idBase="edit-review"
          initial={review}
          submitLabel="Spara uppgifter"
          busy={busy}
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            const error = await useReview.getState().update({
              title: values.title,
              subtitle: values.subtitle,
              dnr: values.dnr,
              theme: values.theme,
              periodFrom: values.periodFrom,
              periodTo: values.periodTo,
              referenceDate: values.referenceDate,
              units: values.units,
              inspectors: values.inspectors,
            });
            if (error) return { message: error.message, issues: error.issues };
            setEditing(false);
            return undefined;
          }}
        />
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>Undertitel</dt>
              <dd>{review.subtitle ?? '–'}</dd>
            </div>
            <div>
              <dt>Dnr</dt>
              <dd>{review.dnr ?? '–'}</dd>
            </div>
            <div>
              <dt>Mall</dt>
              <dd>
                {review.templateName}, version {review.templateVersion} ({TARGET_GROUP_LABELS[review.targetGroup]})
              </dd>
            </div>
            {review.theme && (
              <div>
                <dt>Tema</dt>
                <dd>{review.theme}</dd>
              </div>
            )}
            <div>
              <dt>Period</dt>
              <dd>{review.periodFrom || review.periodTo ? `${review.periodFrom ?? '…'} – ${review.periodTo ?? '…'}` : '–'}</dd>
            </div>
            <div>
              <dt>Referensdatum</dt>
              <dd>{review.referenceDate}</dd>
            </div>
            <div>
              <dt>Enheter</dt>
              <dd>{review.units.length ? review.units.join(', ') : '–'}</dd>
            </div>
            <div>
              <dt>Inspektörer</dt>
              <dd>{review.inspectors.length ? review.inspectors.map((i) => (i.phone ? `${i.name} (${i.phone})` : i.name)).join(', ') : '–'}</dd>
            </div>
            <div>
              <dt>Skapad</dt>
              <dd>
                {formatDateTime(review.createdAt)} av {review.createdBy}
              </dd>
            </div>
            {overview && (
              <div>
                <dt>Framsteg</dt>
                <dd>
                  {overview.cases.filter((c) => c.done).length} av {overview.cases.length} akter klara · {overview.progress.answered} av {overview.progress.total} svar
                </dd>
              </div>
            )}
          </dl>
          <div className="button-row">
            <button type="button" onClick={() => setEditing(true)}>
              Ändra uppgifter
            </button>
            <button type="button" disabled={busy} onClick={() => void useReview.getState().setArchived(!review.archived)}>
              {review.archived ? 'Ta fram ur arkivet' : 'Arkivera'}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
