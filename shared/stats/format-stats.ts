import { formatNumber } from '../util/format-sv';

/**
 * sv-SE wording of shares and p-values for sentences a reader sees: "45 %" (no-break space, as
 * `Intl` writes sv-SE percentages), "p = 0,03", "p < 0,001". Never NaN or Infinity: the callers
 * pass only finite numbers, and anything else is a programming error.
 */

const NBSP = '\u00a0';

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function requireFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be finite, got ${value}`);
}

/** A share in [0, 1] as a percentage: formatPercent(0.4512) → "45 %", formatPercent(0.4512, 1) → "45,1 %". */
export function formatPercent(share: number, decimals = 0): string {
  requireFinite(share, 'share');
  return `${formatNumber(roundTo(share * 100, decimals))}${NBSP}%`;
}

/**
 * The fewest decimals (0–2) at which two different shares also read differently, so a sentence
 * never says "higher for girls (45 %) than for boys (45 %)".
 */
export function decimalsToDistinguish(first: number, second: number): number {
  for (let decimals = 0; decimals < 2; decimals++) {
    if (roundTo(first * 100, decimals) !== roundTo(second * 100, decimals)) return decimals;
  }
  return 2;
}

/**
 * "p = 0,41", "p = 0,004", "p < 0,001". Two decimals normally, three below 0.01 or where two would
 * put a significant p on the wrong side of the level (0.049 must not read "0,05" next to
 * "säkerställd"); if three are not enough either, "p < 0,05". (formatNumber shows at most three
 * decimals.) A p at or above the level never rounds below it: the level itself has two decimals.
 */
export function formatPValue(p: number, alpha = 0.05): string {
  requireFinite(p, 'p');
  if (p < 0 || p > 1) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (p < 0.001) return `p < ${formatNumber(0.001)}`;
  const significant = p < alpha;
  for (let decimals = p < 0.01 ? 3 : 2; decimals <= 3; decimals++) {
    const rounded = roundTo(p, decimals);
    if (rounded < alpha === significant) return `p = ${formatNumber(rounded)}`;
  }
  return `p < ${formatNumber(alpha)}`;
}

/** "+12", "−5", "0": percentage points with a real minus sign. */
const points = (fraction: number): string => {
  const value = Math.round(fraction * 100);
  return value > 0 ? `+${formatNumber(value)}` : value < 0 ? `−${formatNumber(-value)}` : '0';
};

/**
 * The difference between two shares with its 95 % interval, for a sentence:
 * "Skillnad flickor − pojkar: +12 procentenheter (95 % konfidensintervall −5 till +28)".
 */
export function formatDifference(difference: { estimate: number; lower: number; upper: number }, first: string, second: string): string {
  return `Skillnad ${first} − ${second}: ${points(difference.estimate)} procentenheter (95${NBSP}% konfidensintervall ${points(difference.lower)} till ${points(difference.upper)})`;
}

/** A Holm-adjusted p in a sentence: "justerat för N prövade frågor (Holm): p = 0,21". */
export function formatAdjustedP(pAdjusted: number, tested: number): string {
  return `justerat för ${formatNumber(tested)} prövade frågor (Holms metod): ${formatPValue(pAdjusted)}`;
}
