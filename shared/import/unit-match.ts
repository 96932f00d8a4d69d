import { sameNameKey } from '../util/same-name';

/**
 * Units in a case list are typed by hand in each unit's own system: "skarpnäck", " Skarpnäck " and
 * "SKARPNÄCK" are one unit. Matching ignores case and surrounding or doubled spaces (and Unicode
 * composition, so an "ä" typed as a + diaeresis is the same letter); the spelling kept is the
 * review's, or for a unit the review lacks, the first one in the file.
 */
export const unitKey = sameNameKey;

export interface UnitMatch {
  /** The spelling to store for a unit as the file writes it. */
  canonical(unit: string): string;
  /** True when the (canonical) unit is not one of the review's. */
  isUnknown(unit: string): boolean;
}

/**
 * Matches a file's units to the review's. A review without units has none to match: every unit of
 * the list is then the review's (as before units were checked), so nothing is unknown.
 */
export function matchUnits(reviewUnits: readonly string[], fileUnits: Iterable<string>): UnitMatch {
  const byKey = new Map<string, string>();
  for (const unit of reviewUnits) if (!byKey.has(unitKey(unit))) byKey.set(unitKey(unit), unit);
  const known = new Set(byKey.values());
  for (const unit of fileUnits) {
    const key = unitKey(unit);
    if (!byKey.has(key)) byKey.set(key, unit.trim().replace(/\s+/g, ' '));
  }
  return {
    canonical: (unit) => byKey.get(unitKey(unit)) ?? unit,
    isUnknown: (unit) => reviewUnits.length > 0 && !known.has(unit),
  };
}
