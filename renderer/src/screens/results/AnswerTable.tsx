import type { TargetGroup } from '../../../../shared/templates/schema';
import { formatNumber } from '../../../../shared/util/format-sv';
import type { AnswerRow } from './answer-rows';
import { sexGroupLabel, sexGroupWord, SUPPRESSED_TEXT, type SexColumn } from './format';
import { HiddenFigure } from './HiddenFigure';

interface Props {
  caption: string;
  rows: AnswerRow[];
  columns: readonly SexColumn[];
  targetGroup: TargetGroup;
  /** Internal view: a count opens the files behind it. */
  onDrill?: (cell: { answer: string; sex?: 'F' | 'M' | 'U'; label: string; count: number }) => void;
}

/** Answers × sex as counts; in the internal view each count above zero opens the files behind it. */
export function AnswerTable({ caption, rows, columns, targetGroup, onDrill }: Props) {
  const cell = (row: AnswerRow, column: SexColumn) => {
    const count = row.counts[column];
    if (count === null) return <HiddenFigure reason={SUPPRESSED_TEXT} />;
    if (!onDrill || count === 0) return formatNumber(count);
    const label = column === 'total' ? row.label : `${row.label}, ${sexGroupWord(column, targetGroup)}`;
    return (
      <button
        type="button"
        className="link-button count-button"
        aria-label={`${formatNumber(count)} ${count === 1 ? 'akt' : 'akter'}: ${label} – visa akterna`}
        onClick={() => onDrill({ answer: row.answer, ...(column === 'total' ? {} : { sex: column }), label, count })}
      >
        {formatNumber(count)}
      </button>
    );
  };
  return (
    <div className="table-wrap results-answer-table">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Svar</th>
            {columns.map((c) => (
              <th scope="col" className="num" key={c}>
                {sexGroupLabel(c, targetGroup)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.answer}>
              <th scope="row">{row.label}</th>
              {columns.map((c) => (
                <td className={c === 'total' ? 'num results-total' : 'num'} key={c}>
                  {cell(row, c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
