import type { TargetGroup } from '../../../../shared/templates/schema';
import { formatPercent } from '../../../../shared/stats/format-stats';
import { formatNumber } from '../../../../shared/util/format-sv';

/**
 * How the results screen writes its figures: sv-SE digits, "45 %" with a no-break space, and "–"
 * wherever a figure is hidden or missing. Nothing here ever returns "NaN": a missing figure is null
 * all the way to the screen and becomes the dash with a reason.
 */

export const DASH = '–';

/** What a screen reader says for a suppressed count, and the tooltip of its dash. */
export const SUPPRESSED_TEXT = 'dolt: litet tal';

export type SexKey = 'F' | 'M' | 'U';
export type SexColumn = SexKey | 'total';

/** Column and bar names in the plural: children are flickor/pojkar, adults kvinnor/män (DOMAIN.md §5). */
export function sexGroupLabel(sex: SexColumn, targetGroup: TargetGroup): string {
  switch (sex) {
    case 'F':
      return targetGroup === 'vuxna' ? 'Kvinnor' : 'Flickor';
    case 'M':
      return targetGroup === 'vuxna' ? 'Män' : 'Pojkar';
    case 'U':
      return 'Okänt kön';
    case 'total':
      return 'Totalt';
  }
}

/** The same in running text: "flickor", "okänt kön". */
export const sexGroupWord = (sex: SexColumn, targetGroup: TargetGroup): string => sexGroupLabel(sex, targetGroup).toLowerCase();

/** A count, or the dash where it is suppressed. */
export const formatCount = (count: number | null): string => (count === null ? DASH : formatNumber(count));

/** A share in [0, 1] as "45 %"; the dash where there is none. */
export function formatShare(share: number | null): string {
  return share === null || !Number.isFinite(share) ? DASH : formatPercent(share);
}

/** A 95 % interval as "30–61 %" (whole percent, one % sign). */
export function formatInterval(lower: number, upper: number): string {
  return `${formatNumber(Math.round(lower * 100))}–${formatPercent(upper)}`;
}

/** A statistic of a distribution (days, counts, ratios): at most one decimal; the dash where it is withheld or absent. */
export function formatStatistic(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  return formatNumber(Math.round(value * 10) / 10);
}
