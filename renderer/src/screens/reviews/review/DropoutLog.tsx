import type { SampleRecord } from '../../../../../shared/contract/sampling';
import { formatDateTime } from '../../templates/labels';
import { DROPOUT_LABELS } from '../labels';

/** Bortfallslogg: every dropped file with reason, when and who, and the replacements drawn — for the report's method section. */
export function DropoutLog({ sample }: { sample: SampleRecord }) {
  const dropped = sample.cases.filter((c) => c.status === 'dropped');
  const replacements = sample.cases.filter((c) => c.status === 'replacement');
  if (dropped.length === 0) return <p className="muted">Inget bortfall.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>Bortfallslogg</caption>
        <thead>
          <tr>
            <th scope="col">Akt</th>
            <th scope="col">Enhet</th>
            <th scope="col">Skäl</th>
            <th scope="col">När och av vem</th>
            <th scope="col">Ersättare</th>
          </tr>
        </thead>
        <tbody>
          {dropped.map((c) => (
            <tr key={c.caseId}>
              <th scope="row">{c.ref}</th>
              <td>{c.unit}</td>
              <td>
                {c.dropoutReason ? DROPOUT_LABELS[c.dropoutReason] : '–'}
                {c.dropoutNote ? `: ${c.dropoutNote}` : ''}
              </td>
              <td>{c.changedAt ? `${formatDateTime(c.changedAt)} av ${c.changedBy ?? '–'}` : '–'}</td>
              <td>
                {replacements
                  .filter((r) => r.unit === c.unit && r.changedAt === c.changedAt)
                  .map((r) => r.ref)
                  .join(', ') || 'ingen kvar i enheten'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
