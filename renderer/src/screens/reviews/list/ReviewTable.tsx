import type { Review } from '../../../../../shared/contract/reviews';
import { hrefFor } from '../../../routing/routes';

/** The reviews with their facts; the title opens the review. */
export function ReviewTable({ reviews }: { reviews: Review[] }) {
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
            <th scope="col">Arkiverad</th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((r) => {
            const of = r.sampledCount > 0 ? r.sampledCount : r.caseCount;
            return (
              <tr key={r.id}>
                <th scope="row" className="name-cell">
                  <a href={hrefFor({ name: 'review', id: r.id })}>{r.title}</a>
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
                <td>{r.archived ? 'Ja' : 'Nej'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
