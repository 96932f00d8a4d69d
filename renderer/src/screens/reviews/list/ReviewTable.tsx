import type { Review } from '../../../../../shared/contract/reviews';
import { hrefFor } from '../../../routing/routes';

interface Props {
  reviews: Review[];
  /** Asks to delete a review (the screen confirms first); offered only where the core would allow it. */
  onDelete(review: Review): void;
}

/** The reviews with their facts; the title opens the review. */
export function ReviewTable({ reviews, onDelete }: Props) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">Granskningar</caption>
        <thead>
          <tr>
            <th scope="col">Titel</th>
            <th scope="col">Dnr</th>
            <th scope="col">Mall</th>
            <th scope="col" className="num">
              Akter
            </th>
            <th scope="col">Granskade</th>
            <th scope="col">Skapad av</th>
            <th scope="col">Arkiverad</th>
            <th scope="col">
              <span className="visually-hidden">Åtgärder</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((r) => {
            const of = r.sampledCount > 0 ? r.sampledCount : r.caseCount;
            return (
              <tr key={r.id}>
                <th scope="row" className="name-cell">
                  <a href={hrefFor({ name: 'review', id: r.id })}>{r.title}</a>
                  {r.example && <span className="badge badge-example">Exempel</span>}
                  {r.subtitle && <div className="muted small-text">{r.subtitle}</div>}
                </th>
                <td className="nowrap">{r.dnr ?? '–'}</td>
                <td>
                  {r.templateName} <span className="muted">version {r.templateVersion}</span>
                </td>
                <td className="num">{r.caseCount}</td>
                <td className="nowrap">
                  {r.doneCount} av {of}
                </td>
                <td>{r.createdBy}</td>
                <td>{r.archived ? 'Ja' : 'Nej'}</td>
                <td className="actions">
                  {r.deletable && (
                    <button type="button" className="small danger-outline" onClick={() => onDelete(r)} aria-label={`Ta bort ${r.title}`}>
                      Ta bort
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
