import { formatCount, formatInterval, formatShare } from './format';
import { MISSING_TEXT, type ShareFigure } from './share-figure';

/**
 * The geometry of the share chart, apart from React so it can be checked number by number: one
 * column per sex on a 0–100 % axis, the Wilson interval as a whisker, and the figure above it.
 */

export interface ChartBarInput {
  key: string;
  /** "Flickor" */
  label: string;
  figure: ShareFigure;
}

export interface ChartBar {
  key: string;
  label: string;
  /** "9 av 20", or "– av –" where the published view hides the counts. */
  counts: string;
  /** The column's centre. */
  centre: number;
  /** The filled column; null where there is no share. */
  rect: { x: number; y: number; width: number; height: number } | null;
  whisker: { x: number; top: number; bottom: number; capHalfWidth: number } | null;
  /** "45 %", or "–" where the share is missing (the reason is in `description`). */
  value: { x: number; y: number; text: string };
  /** The bar in words, for the chart's accessible name. */
  description: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number };
  gridlines: { y: number; label: string }[];
  bars: ChartBar[];
}

const WIDTH = 300;
const HEIGHT = 200;
const MARGIN = { left: 44, right: 8, top: 22, bottom: 42 };
const MAX_BAR_WIDTH = 54;

export function shareChartLayout(inputs: readonly ChartBarInput[]): ChartLayout {
  const plot = { left: MARGIN.left, top: MARGIN.top, width: WIDTH - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };
  const baseline = plot.top + plot.height;
  const yOf = (share: number) => baseline - Math.min(1, Math.max(0, share)) * plot.height;
  const slot = plot.width / Math.max(inputs.length, 1);
  const barWidth = Math.min(MAX_BAR_WIDTH, slot * 0.55);

  const bars = inputs.map((input, i): ChartBar => {
    const { figure } = input;
    const centre = plot.left + slot * i + slot / 2;
    const counts = figure.yes === null && figure.applicable === null ? 'antal dolda' : `${formatCount(figure.yes)} av ${formatCount(figure.applicable)}`;
    if (figure.share === null) {
      return {
        key: input.key,
        label: input.label,
        counts,
        centre,
        rect: null,
        whisker: null,
        value: { x: centre, y: baseline - 6, text: formatShare(null) },
        description: `${input.label.toLowerCase()}: ${MISSING_TEXT[figure.missing ?? 'no-answers']}`,
      };
    }
    const top = yOf(figure.share);
    const whisker = figure.interval ? { x: centre, top: yOf(figure.interval.upper), bottom: yOf(figure.interval.lower), capHalfWidth: Math.min(8, barWidth / 3) } : null;
    const labelAbove = Math.min(top, whisker?.top ?? top) - 6;
    const interval = figure.interval ? `; 95 % konfidensintervall ${formatInterval(figure.interval.lower, figure.interval.upper)}` : '';
    return {
      key: input.key,
      label: input.label,
      counts,
      centre,
      rect: { x: centre - barWidth / 2, y: top, width: barWidth, height: baseline - top },
      whisker,
      value: { x: centre, y: Math.max(labelAbove, 12), text: formatShare(figure.share) },
      description: `${input.label.toLowerCase()} ${formatShare(figure.share)} (${counts}${interval})`,
    };
  });

  return {
    width: WIDTH,
    height: HEIGHT,
    plot,
    gridlines: [0, 0.5, 1].map((share) => ({ y: yOf(share), label: formatShare(share) })),
    bars,
  };
}

/** The chart's accessible name: every bar's figures in one sentence. */
export const chartDescription = (layout: ChartLayout): string => `Andel ja per kön: ${layout.bars.map((b) => b.description).join(', ')}.`;
