import { useState } from 'react';
import type { Review } from '../../../../../shared/contract/reviews';
import { useReview } from '../../../state/review-store';
import { TARGET_GROUP_LABELS, formatDateTime } from '../../templates/labels';
import { ReviewForm } from './ReviewForm';

/** "Uppgifter": one line of the review's facts (all of them folded), editable in place; archive and restore. */
export function ReviewDetails({ review }: { review: Review }) {
  const [editing, setEditing] = useState(false);
  const busy = useReview((s) => s.busy);

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
          <p className="review-summary">{summaryLine(review)}</p>
          <details className="review-facts">
            <summary>Alla uppgifter</summary>
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
                <dd>{templateLabel(review)}</dd>
              </div>
              {review.theme && (
                <div>
                  <dt>Tema</dt>
                  <dd>{review.theme}</dd>
                </div>
              )}
              <div>
                <dt>Period</dt>
                <dd>{periodLabel(review) ?? '–'}</dd>
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
            </dl>
          </details>
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

function templateLabel(review: Review): string {
  return `${review.templateName}, version ${review.templateVersion} (${TARGET_GROUP_LABELS[review.targetGroup]})`;
}

/** "2024-01-01 – 2024-06-30"; an open end is "…". */
function periodLabel(review: Review): string | undefined {
  if (!review.periodFrom && !review.periodTo) return undefined;
  return `${review.periodFrom ?? '…'} – ${review.periodTo ?? '…'}`;
}

/** Dnr, template, period and units on one line: what identifies the review at a glance. */
function summaryLine(review: Review): string {
  const period = periodLabel(review);
  return [
    review.dnr ? `Dnr ${review.dnr}` : undefined,
    templateLabel(review),
    period ? `period ${period}` : undefined,
    review.units.length ? `${review.units.length === 1 ? 'enhet' : 'enheter'}: ${review.units.join(', ')}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}
