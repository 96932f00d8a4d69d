import type { Distribution, PublishedDistribution } from '../../../../shared/contract/results-parts';
import { formatCount, formatStatistic, SUPPRESSED_TEXT } from './format';
import { HiddenFigure } from './HiddenFigure';

type AnyDistribution = Distribution | PublishedDistribution;

interface Props {
  caption: string;
  /** One row per sex (or per group of a split): its name and distribution. */
  rows: { key: string; label: string; distribution: AnyDistribution }[];
  /** The first column's heading. */
  rowHeader?: string;
  /** "dagar", "st" … after the median; none for a ratio. */
  unit?: string | null;
  published: boolean;
}

/** Why a statistic is not shown: no values, too few to publish, or (min/max) never published. */
function missingReason(d: AnyDistribution, published: boolean): string {
  if (d.n === null) return SUPPRESSED_TEXT;
  if (d.n === 0) return 'inga svar';
  return published ? 'dolt: färre än 10 svar' : 'saknas';
}

function Statistic({ value, distribution, published }: { value: number | null; distribution: AnyDistribution; published: boolean }) {
  return value === null ? <HiddenFigure reason={missingReason(distribution, published)} /> : <>{formatStatistic(value)}</>;
}

/** Median and quartiles by sex (and min–max in the internal view): numbers of a question or a derived interval. */
export function DistributionTable({ caption, rows, rowHeader = 'Grupp', unit, published }: Props) {
  return (
    <div className="table-wrap results-distribution">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            <th scope="col" className="num">
              Antal
            </th>
            <th scope="col" className="num">
              Median{unit ? ` (${unit})` : ''}
            </th>
            <th scope="col" className="num">
              Kvartiler (q1–q3)
            </th>
            {!published && (
              <th scope="col" className="num">
                Min–max
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, distribution: d }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="num">{d.n === null ? <HiddenFigure reason={SUPPRESSED_TEXT} /> : formatCount(d.n)}</td>
              <td className="num">
                <Statistic value={d.median} distribution={d} published={published} />
              </td>
              <td className="num">
                {d.q1 === null || d.q3 === null ? (
                  <HiddenFigure reason={missingReason(d, published)} />
                ) : (
                  `${formatStatistic(d.q1)}–${formatStatistic(d.q3)}`
                )}
              </td>
              {!published && (
                <td className="num">{d.min === null || d.max === null ? <HiddenFigure reason={missingReason(d, published)} /> : `${formatStatistic(d.min)}–${formatStatistic(d.max)}`}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
