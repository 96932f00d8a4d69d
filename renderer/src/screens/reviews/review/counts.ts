import { formatNumber } from '../../../../../shared/util/format-sv';

/** "1–50", with an en dash as Swedish writes ranges. */
export function range(from: number, to: number): string {
  return `${formatNumber(from)}–${formatNumber(to)}`;
}
