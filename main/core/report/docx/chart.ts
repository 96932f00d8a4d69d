import { Resvg } from '@resvg/resvg-js';
import { formatPercent } from '../../../../shared/stats/format-stats';
import { WITHHELD } from './text';

/**
 * An area's bar chart: per question the share `ja` for girls and boys (women and men) side by
 * side, from the published results. A withheld share has no bar and says "–": a missing bar must
 * never read as 0 %. Drawn as SVG (sharp in Word) with a PNG of it for programs without SVG.
 */

export interface ChartQuestion {
  /** "3. Finns det en genomförandeplan …" */
  label: string;
  /** Share ja in percent (0–100), or null where it is withheld. */
  female: number | null;
  male: number | null;
}

export interface AreaChartInput {
  /** "Flickor" / "Pojkar" (or "Kvinnor" / "Män"). */
  femaleLabel: string;
  maleLabel: string;
  questions: readonly ChartQuestion[];
}

export interface AreaChart {
  svg: string;
  /** Pixels at 96 dpi, as drawn. */
  width: number;
  height: number;
}

const WIDTH = 640;
const LABEL_X = 4;
const LABEL_CHARS = 44;
const BAR_X = 300;
const BAR_MAX = 280;
const BAR_H = 12;
const LINE_H = 13;
const TOP = 34;
const AXIS_H = 26;
const FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
const COLORS = { female: '#1F5C99', male: '#D9822B', grid: '#BFBFBF', text: '#1A1A1A', muted: '#595959' };

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Up to three lines of a label, cut at words; the last line ends with "…" if the text is longer. */
export function wrapLabel(text: string, width = LABEL_CHARS, maxLines = 3): string[] {
  const lines: string[] = [];
  let current = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i].length > width ? `${words[i].slice(0, width - 1)}…` : words[i];
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= width) {
      current = candidate;
      continue;
    }
    lines.push(current);
    current = word;
    if (lines.length === maxLines) {
      const last = lines[maxLines - 1];
      lines[maxLines - 1] = `${last.length > width - 2 ? last.slice(0, width - 2) : last} …`;
      return lines;
    }
  }
  if (current) lines.push(current);
  return lines.length ? lines : [''];
}

const text = (x: number, y: number, body: string, attrs = '', fill: string = COLORS.text) =>
  `<text x="${x}" y="${y}" font-family="${FONT}" font-size="11" fill="${fill}"${attrs}>${escapeXml(body)}</text>`;

function bar(y: number, value: number | null, color: string): string {
  if (value === null || !Number.isFinite(value)) return text(BAR_X + 4, y + BAR_H - 2, WITHHELD, '', COLORS.muted);
  const clamped = Math.min(100, Math.max(0, value));
  const w = (clamped / 100) * BAR_MAX;
  return `<rect x="${BAR_X}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${color}"/>` + text(BAR_X + w + 4, y + BAR_H - 2, formatPercent(clamped / 100));
}

export function areaChartSvg(input: AreaChartInput): AreaChart {
  const parts: string[] = [];
  let y = TOP;
  for (const q of input.questions) {
    const lines = wrapLabel(q.label);
    const rowH = Math.max(lines.length * LINE_H, 2 * BAR_H + 4) + 12;
    lines.forEach((l, i) => parts.push(text(LABEL_X, y + 10 + i * LINE_H, l)));
    parts.push(bar(y, q.female, COLORS.female), bar(y + BAR_H + 3, q.male, COLORS.male));
    y += rowH;
  }
  const plotBottom = y;
  const grid = [0, 25, 50, 75, 100].map((p) => {
    const x = BAR_X + (p / 100) * BAR_MAX;
    return `<line x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${plotBottom}" stroke="${COLORS.grid}" stroke-width="${p === 0 ? 1 : 0.5}"/>` + text(x, plotBottom + 14, `${p} %`, ' text-anchor="middle"');
  });
  const legend =
    `<rect x="${BAR_X}" y="6" width="12" height="12" fill="${COLORS.female}"/>` +
    text(BAR_X + 16, 16, input.femaleLabel) +
    `<rect x="${BAR_X + 100}" y="6" width="12" height="12" fill="${COLORS.male}"/>` +
    text(BAR_X + 116, 16, input.maleLabel) +
    text(LABEL_X, 16, 'Andel ja', ' font-weight="bold"');
  const height = plotBottom + AXIS_H;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">` +
    `<rect width="${WIDTH}" height="${height}" fill="#FFFFFF"/>${legend}${grid.join('')}${parts.join('')}</svg>`;
  return { svg, width: WIDTH, height };
}

/** The chart as PNG, drawn at twice its size so it stays sharp when printed. */
export function chartPng(chart: AreaChart, scale = 2): Buffer {
  const resvg = new Resvg(chart.svg, {
    fitTo: { mode: 'width', value: chart.width * scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
  });
  return Buffer.from(resvg.render().asPng());
}
