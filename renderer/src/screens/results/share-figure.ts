import type { PublishedShareCounts, SHARE_WITHHELD_REASONS, ShareCounts } from '../../../../shared/contract/results';
import { wilsonInterval, type WilsonInterval } from '../../../../shared/stats/wilson';

/** Why a share is not shown: nothing applicable was answered, or the published view withholds it. */
export type ShareMissing = 'no-answers' | (typeof SHARE_WITHHELD_REASONS)[number];

/** One sex's share `ja`, the same whichever view it came from. */
export interface ShareFigure {
  yes: number | null;
  applicable: number | null;
  /** yes ÷ applicable in [0, 1]; null where `missing` says why. */
  share: number | null;
  /** Wilson 95 %; null where the share or its counts are not shown. */
  interval: WilsonInterval | null;
  missing: ShareMissing | null;
}

export const MISSING_TEXT: Readonly<Record<ShareMissing, string>> = {
  'no-answers': 'inga tillämpliga svar',
  'denominator-too-small': 'visas inte: färre än 10 tillämpliga svar',
  'group-not-published': 'redovisas inte per fråga: gruppen ingår bara i underlaget',
  'protects-other': 'dolt så att en mindre grupps tal inte kan räknas fram',
};

/** A share of the internal view: every count is there, the share exists where something applicable was answered. */
function internalFigure(counts: ShareCounts): ShareFigure {
  const interval = wilsonInterval(counts.yes, counts.applicable);
  return {
    yes: counts.yes,
    applicable: counts.applicable,
    share: interval ? interval.estimate : null,
    interval,
    missing: interval ? null : 'no-answers',
  };
}

/** A share of the published view: the percent as published, the interval only where both counts are shown too. */
function publishedFigure(counts: PublishedShareCounts): ShareFigure {
  const { yes, applicable, percent, withheld } = counts;
  if (applicable === 0) return { yes, applicable, share: null, interval: null, missing: 'no-answers' };
  if (percent === null) return { yes, applicable, share: null, interval: null, missing: withheld ?? 'denominator-too-small' };
  const interval = yes !== null && applicable !== null && yes <= applicable ? wilsonInterval(yes, applicable) : null;
  return { yes, applicable, share: percent / 100, interval, missing: null };
}

export function shareFigure(counts: ShareCounts | PublishedShareCounts): ShareFigure {
  return 'percent' in counts ? publishedFigure(counts) : internalFigure(counts);
}
