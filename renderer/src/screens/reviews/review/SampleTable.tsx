import type { Review } from '../../../../../shared/contract/reviews';
import type { SampleRecord } from '../../../../../shared/contract/sampling';
import { hrefFor } from '../../../routing/routes';
import { useReview } from '../../../state/review-store';
import { akter } from '../../../../../shared/util/plural-sv';
import { counterpart, dropoutStatus, progressStatus } from './file-status';
import { DropoutControl } from './DropoutControl';

/**
 * One unit's part of the sample in seeded order: each file links into scoring and says where it
 * stands; dropped files stay listed with their replacement, the others keep "Bortfall…".
 */
export function SampleTable({ review, sample, unit }: { review: Review; sample: SampleRecord; unit: string }) {
  const overview = useReview((s) => s.overview);
  const rows = sample.cases.filter((c) => c.unit === unit && c.status !== 'reserve');
  const inSample = rows.filter((c) => c.status !== 'dropped').length;
  const headingId = `sample-unit-${unit.replace(/[^\p{L}\p{N}]+/gu, '-')}`;
  return (
    <div className="sample-unit">
      <h3 id={headingId}>
        {unit} <span className="small-text muted">{akter(inSample)} i urvalet</span>
      </h3>
      {rows.length === 0 ? (
        <p className="muted">Inga akter från enheten i urvalet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table sample-table">
            <caption className="visually-hidden">Urvalet i {unit}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Nr
                </th>
                <th scope="col">Akt</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Åtgärder</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => {
                const dropped = c.status === 'dropped';
                const other = c.status === 'selected' ? undefined : counterpart(sample, c);
                const progress = overview?.cases.find((o) => o.caseId === c.caseId);
                return (
                  <tr key={c.caseId} className={dropped ? 'sample-dropped' : progress?.done ? 'sample-done' : undefined}>
                    <td className="num">{c.seededOrder}</td>
                    <th scope="row">
                      <a href={hrefFor({ name: 'scoring', reviewId: review.id, caseId: c.caseId })} aria-label={`${dropped ? 'Visa' : 'Granska'} akt ${c.ref}`}>
                        {c.ref}
                      </a>
                    </th>
                    <td>
                      {dropped ? dropoutStatus(other) : progressStatus(progress)}
                      {c.status === 'replacement' && <span className="file-role"> (ersättare{other ? ` för ${other.ref}` : ''})</span>}
                    </td>
                    <td className="actions">{!dropped && <DropoutControl caseId={c.caseId} caseRef={c.ref} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
