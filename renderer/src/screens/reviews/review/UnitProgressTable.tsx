import { formatNumber } from '../../../../../shared/util/format-sv';
import type { Overview } from '../../../state/review-store';

type UnitRow = Overview['units'][number];

const COLUMNS: { key: Exclude<keyof UnitRow, 'unit'>; label: string }[] = [
  { key: 'sampled', label: 'I urvalet' },
  { key: 'done', label: 'Klara' },
  { key: 'left', label: 'Kvar' },
  { key: 'dropped', label: 'Bortfall' },
];

/** Sampled, done, left and dropped files per unit, with the review's totals in the footer. */
export function UnitProgressTable({ units }: { units: UnitRow[] }) {
  const total = (key: (typeof COLUMNS)[number]['key']) => units.reduce((sum, u) => sum + u[key], 0);
  return (
    <div className="table-wrap unit-progress">
      <table className="data-table">
        <caption>Framsteg per enhet</caption>
        <thead>
          <tr>
            <th scope="col">Enhet</th>
            {COLUMNS.map((c) => (
              <th scope="col" className="num" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.unit}>
              <th scope="row">{u.unit}</th>
              {COLUMNS.map((c) => (
                <td className="num" key={c.key}>
                  {formatNumber(u[c.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {units.length > 1 && (
          <tfoot>
            <tr>
              <th scope="row">Totalt</th>
              {COLUMNS.map((c) => (
                <td className="num" key={c.key}>
                  {formatNumber(total(c.key))}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
