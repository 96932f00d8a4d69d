import type { CellRef } from './table';
import type { SuppressedTable } from './suppress';

export const DEFAULT_MIN_SHARE_DENOMINATOR = 10;

/** A count as it will be published: its value (known to us) and whether it is hidden. */
export interface PublishedCount {
  readonly count: number;
  readonly suppressed: boolean;
}

export type ShareWithheldReason =
  /** The denominator is hidden: the share and the published numerator would give it back. */
  | 'denominator-suppressed'
  /** The numerator is hidden: the share times the published denominator would give it back. */
  | 'numerator-suppressed'
  /** Fewer than minDenominator in the denominator (zero included): too few to publish a percentage. */
  | 'denominator-too-small';

export type PublishedShare = { readonly shown: true; readonly share: number } | { readonly shown: false; readonly reason: ShareWithheldReason };

/**
 * The share numerator/denominator (0..1) if it may be published, otherwise why not. The hidden-cell
 * reasons come first: they hold however large the denominator is. A denominator of 0 is simply "too
 * small", so no division by zero can reach a caller.
 */
export function publishedShare(
  numerator: PublishedCount,
  denominator: PublishedCount,
  minDenominator: number = DEFAULT_MIN_SHARE_DENOMINATOR,
): PublishedShare {
  if (!Number.isSafeInteger(minDenominator) || minDenominator < 1) {
    throw new RangeError(`disclosure: the smallest denominator is ${minDenominator}, expected a whole number of at least 1`);
  }
  for (const [name, part] of [['numerator', numerator], ['denominator', denominator]] as const) {
    if (!Number.isSafeInteger(part.count) || part.count < 0) throw new RangeError(`disclosure: the ${name} is ${part.count}, expected a non-negative integer`);
  }
  if (numerator.count > denominator.count) {
    throw new RangeError(`disclosure: the numerator ${numerator.count} exceeds the denominator ${denominator.count}`);
  }
  if (denominator.suppressed) return { shown: false, reason: 'denominator-suppressed' };
  if (numerator.suppressed) return { shown: false, reason: 'numerator-suppressed' };
  if (denominator.count < minDenominator) return { shown: false, reason: 'denominator-too-small' };
  return { shown: true, share: numerator.count / denominator.count };
}

/** A cell of a suppressed table's extended grid as a PublishedCount, for publishedShare. */
export function publishedCount(table: SuppressedTable, cell: CellRef): PublishedCount {
  const { rows, cols } = table.shape;
  if (!Number.isInteger(cell.row) || !Number.isInteger(cell.col) || cell.row < 0 || cell.col < 0 || cell.row > rows || cell.col > cols) {
    throw new RangeError(`disclosure: cell (${cell.row}, ${cell.col}) is outside the ${rows + 1} × ${cols + 1} table`);
  }
  return { count: table.grid[cell.row][cell.col], suppressed: table.suppressed[cell.row][cell.col] };
}
