import type { CaseFile } from '../../../../../shared/contract/cases';
import type { SampleRecord } from '../../../../../shared/contract/sampling';
import type { TargetGroup } from '../../../../../shared/templates/schema';
import { hrefFor } from '../../../routing/routes';
import { SAMPLE_STATUS_LABELS, sexLabel, ageBandLabel } from '../labels';

interface Props {
  cases: CaseFile[];
  reviewId: string;
  targetGroup: TargetGroup;
  /** With a sample, each file says whether it is in it. */
  sample: SampleRecord | null;
}

/** One page of the case list: reference, unit, sex, age band (and the file's part in the sample). */
export function CaseTable({ cases, reviewId, targetGroup, sample }: Props) {
  const inSample = new Map(sample?.cases.map((c) => [c.caseId, c.status]));
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">Akter i granskningen</caption>
        <thead>
          <tr>
            <th scope="col">Akt</th>
            <th scope="col">Enhet</th>
            <th scope="col">Kön</th>
            <th scope="col">Åldersgrupp</th>
            {sample && <th scope="col">Urval</th>}
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => {
            const status = inSample.get(c.id);
            return (
              <tr key={c.id}>
                <th scope="row">
                  <a href={hrefFor({ name: 'scoring', reviewId, caseId: c.id })}>{c.ref}</a>
                </th>
                <td>{c.unit}</td>
                <td>{sexLabel(c.sex, targetGroup)}</td>
                <td>{ageBandLabel(c.ageBand)}</td>
                {sample && <td>{status ? SAMPLE_STATUS_LABELS[status] : 'Ej i urvalet'}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
