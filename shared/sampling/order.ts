import { prngFromSeed, randomBelow } from './prng';

/**
 * Plain UTF-16 code-unit order (what `<` does on strings), never localeCompare: the collation of
 * "Å", "Ö" or "10" vs "9" would then depend on the machine's locale and ICU version, and the same
 * frame and seed must give the same sample everywhere.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The text a unit's generator is seeded with: the review's seed, a colon, the unit's name. */
export const unitSeedText = (seedText: string, unit: string): string => `${seedText}:${unit}`;

/**
 * One unit's seeded order: its case references sorted in code-unit order, then shuffled with a
 * forward Fisher–Yates shuffle driven by that unit's own generator. Step i (i = 0 … m−2) draws
 * j = i + randomBelow(m − i) and swaps positions i and j, so position i holds the i-th case drawn
 * without replacement: the first k positions are a simple random sample of k, and the rest is the
 * order in which replacements are taken. Seeding per unit means that adding or removing a unit
 * leaves every other unit's order untouched.
 */
export function seededOrder(caseRefs: readonly string[], seedText: string, unit: string): string[] {
  const order = [...caseRefs].sort(compareCodeUnits);
  const next = prngFromSeed(unitSeedText(seedText, unit));
  for (let i = 0; i < order.length - 1; i++) {
    const j = i + randomBelow(next, order.length - i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
