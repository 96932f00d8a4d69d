import type { Review } from '../../../../../shared/contract/reviews';
import type { SampleRecord } from '../../../../../shared/contract/sampling';
import { hrefFor } from '../../../routing/routes';
import { useReview } from '../../../state/review-store';
import { SAMPLE_STATUS_LABELS } from '../labels';
import { DropoutControl } from './DropoutControl';

/** The sampled files unit by unit in seeded order, with progress, a link into scoring and "Bortfall…". */
export function SampleTable({ review, sample }: { review: Review; sample: SampleRecord }) {
  const overview = useReview((s) => s.overview);
  const inSample = sample.cases.filter((c) => c.status !== 'dropped');
  return (
    <div className="table-wrap">
      <table className="data-table sample-table">
        <caption>Urvalet ({inSample.length} akter)</caption>
        <thead>
          <tr>
            <th scope="col">Akt</th>
            <th scope="col">Enhet</th>
            <th scope="col" className="num">
              Ordning
            </th>
            <th scope="col">Status</th>
            <th scope="col">Besvarat</th>
            <th scope="col">Klar</th>
            <th scope="col">
              <span className="visually-hidden">Åtgärder</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {inSample.map((c) => {
            const progress = overview?.cases.find((o) => o.caseId === c.caseId)?.progress;
            return (
              <tr key={c.caseId}>
                <th scope="row">
                  <a href={hrefFor({ name: 'scoring', reviewId: review.id, caseId: c.caseId })} aria-label={`Granska akt ${c.ref}`}>
                    {c.ref}
                  </a>
                </th>
                <td>{c.unit}</td>
                <td className="num">{c.seededOrder}</td>
                <td>{SAMPLE_STATUS_LABELS[c.status]}</td>
                <td className="nowrap">{progress ? `${progress.answered} av ${progress.total}` : '–'}</td>
                <td>{c.done ? 'Ja' : 'Nej'}</td>
                <td className="actions">
                  <DropoutControl caseId={c.caseId} caseRef={c.ref} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
