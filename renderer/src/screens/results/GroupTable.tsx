import type { PublishedShareBySex, ShareBySex } from '../../../../shared/contract/results';
import type { TargetGroup } from '../../../../shared/templates/schema';
import { formatCount, formatShare, sexGroupLabel, type SexColumn } from './format';
import { HiddenFigure } from './HiddenFigure';
import { MISSING_TEXT, shareFigure } from './share-figure';

export interface GroupShareRow {
  value: string | null;
  label: string;
  share: ShareBySex | PublishedShareBySex | null;
}

/** The share `ja` per value of the split (a unit, an age band …) and sex, each with a small bar. */
export function GroupTable({ caption, groupLabel, groups, columns, targetGroup }: { caption: string; groupLabel: string; groups: GroupShareRow[]; columns: readonly SexColumn[]; targetGroup: TargetGroup }) {
  return (
    <div className="table-wrap results-groups">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            {columns.map((c) => (
              <th scope="col" className="num" key={c}>
                {sexGroupLabel(c, targetGroup)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.value ?? '\u0000'}>
              <th scope="row">{group.label}</th>
              {columns.map((c) => {
                const figure = group.share ? shareFigure(group.share[c]) : null;
                return (
                  <td className="num" key={c}>
                    {!figure || figure.share === null ? (
                      <HiddenFigure reason={MISSING_TEXT[figure?.missing ?? 'no-answers']} />
                    ) : (
                      <span className="group-share">
                        <span className="group-share-bar" aria-hidden="true">
                          <span style={{ width: `${Math.round(figure.share * 100)}%` }} />
                        </span>
                        <span>{formatShare(figure.share)}</span>
                        {figure.yes !== null && figure.applicable !== null && (
                          <span className="muted small-text">
                            {' '}
                            ({formatCount(figure.yes)} av {formatCount(figure.applicable)})
                          </span>
                        )}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
