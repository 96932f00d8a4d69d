/**
 * The smallest denominator of a printed share (docs/disclosure.md §2): a rule of meaning, not of
 * secrecy — a percentage of fewer answers says little and moves far with one answer.
 */
export const DEFAULT_MIN_SHARE_DENOMINATOR = 10;
