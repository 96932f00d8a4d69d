import type { CaseFile } from '../../../../../shared/contract/cases';
import type { TargetGroup } from '../../../../../shared/templates/schema';
import { hrefFor } from '../../../routing/routes';
import { sexLabel } from '../labels';

/** Long lists (a full study of thousands of files) show the first rows only. */
const SHOWN = 200;

/** The imported cases: reference, unit, sex and age band. */
export function CaseTable({ cases, reviewId, targetGroup }: { cases: CaseFile[]; reviewId: string; targetGroup: TargetGroup }) {
  const shown = cases.slice(0, SHOWN);
  return (
    <>
      <p>
        {cases.length} {cases.length === 1 ? 'akt' : 'akter'}
        {cases.length > SHOWN ? ` – de första ${SHOWN} visas.` : '.'}
      </p>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">Akter i granskningen</caption>
          <thead>
            <tr>
              <th scope="col">Akt</th>
              <th scope="col">Enhet</th>
              <th scope="col">Kön</th>
              <th scope="col">Åldersgrupp</th>
              <th scope="col">Granskad</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <a href={hrefFor({ name: 'scoring', reviewId, caseId: c.id })}>{c.ref}</a>
                </th>
                <td>{c.unit}</td>
                <td>{sexLabel(c.sex, targetGroup)}</td>
                <td>{c.ageBand ?? 'okänd'}</td>
                <td>{c.done ? 'Ja' : 'Nej'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
