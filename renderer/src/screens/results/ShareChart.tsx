import { useId } from 'react';
import { chartDescription, shareChartLayout, type ChartBarInput } from './share-chart-layout';

/** Fill of each column: solid, hatched, dotted — told apart without colour as well as by the labels under them. */
const FILLS = ['solid', 'hatch', 'dots'] as const;

/**
 * The share `ja` by sex as columns on a 0–100 % axis, with the 95 % interval as a whisker and the
 * figure above each column. One image for assistive technology, named with every figure.
 */
export function ShareChart({ bars }: { bars: readonly ChartBarInput[] }) {
  const id = useId().replace(/:/g, '');
  const layout = shareChartLayout(bars);
  const { plot } = layout;
  const fillOf = (i: number) => {
    const kind = FILLS[i % FILLS.length];
    return kind === 'solid' ? undefined : `url(#${id}-${kind})`;
  };
  return (
    <svg
      className="share-chart"
      role="img"
      aria-label={chartDescription(layout)}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
    >
      <defs>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="share-chart-fill-light" />
          <line x1="0" y1="0" x2="0" y2="6" className="share-chart-hatch" />
        </pattern>
        <pattern id={`${id}-dots`} width="5" height="5" patternUnits="userSpaceOnUse">
          <rect width="5" height="5" className="share-chart-fill-pale" />
          <circle cx="2.5" cy="2.5" r="1.1" className="share-chart-dot" />
        </pattern>
      </defs>
      <g aria-hidden="true">
        {layout.gridlines.map((g) => (
          <g key={g.label}>
            <line x1={plot.left} x2={plot.left + plot.width} y1={g.y} y2={g.y} className="share-chart-grid" />
            <text x={plot.left - 6} y={g.y + 4} textAnchor="end" className="share-chart-axis">
              {g.label}
            </text>
          </g>
        ))}
        {layout.bars.map((bar, i) => (
          <g key={bar.key} data-bar={bar.key}>
            {bar.rect && (
              <rect x={bar.rect.x} y={bar.rect.y} width={bar.rect.width} height={bar.rect.height} className={`share-chart-bar share-chart-bar-${FILLS[i % FILLS.length]}`} fill={fillOf(i)} />
            )}
            {bar.whisker && (
              <g className="share-chart-whisker">
                <line x1={bar.whisker.x} x2={bar.whisker.x} y1={bar.whisker.top} y2={bar.whisker.bottom} />
                <line x1={bar.whisker.x - bar.whisker.capHalfWidth} x2={bar.whisker.x + bar.whisker.capHalfWidth} y1={bar.whisker.top} y2={bar.whisker.top} />
                <line x1={bar.whisker.x - bar.whisker.capHalfWidth} x2={bar.whisker.x + bar.whisker.capHalfWidth} y1={bar.whisker.bottom} y2={bar.whisker.bottom} />
              </g>
            )}
            <text x={bar.value.x} y={bar.value.y} textAnchor="middle" className="share-chart-value">
              {bar.value.text}
            </text>
            <text x={bar.centre} y={plot.top + plot.height + 16} textAnchor="middle" className="share-chart-label">
              {bar.label}
            </text>
            <text x={bar.centre} y={plot.top + plot.height + 32} textAnchor="middle" className="share-chart-counts">
              {bar.counts}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
