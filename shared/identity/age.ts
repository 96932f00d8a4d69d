import { isValidIsoDate } from '../util/iso-date';

export type TargetGroup = 'barn' | 'vuxna';

/**
 * Age bands per target group, youngest first. Children's reviews use the bands of reference 002
 * (0–5, 6–12, 13–17, 18+); adults' reviews put anyone under 18 in one band so a child who slipped
 * into an adult case list stays visible instead of being merged into the youngest adult band.
 * Codes use a plain hyphen; the UI may print an en dash.
 */
export const AGE_BANDS = {
  barn: ['0-5', '6-12', '13-17', '18+'],
  vuxna: ['0-17', '18-24', '25-34', '35-49', '50-64', '65+'],
} as const;

export type AgeBand = (typeof AGE_BANDS)[TargetGroup][number];

/** The lowest age of each band, parallel to AGE_BANDS. */
const LOWER_BOUNDS: Record<TargetGroup, readonly number[]> = {
  barn: [0, 6, 13, 18],
  vuxna: [0, 18, 25, 35, 50, 65],
};

/**
 * Age in whole years on `referenceDate` (both `YYYY-MM-DD`). The birthday counts from its own
 * date, so someone born on 29 February turns a year older on 1 March in a common year.
 * Throws a RangeError for an invalid date or a birth after the reference date: callers check
 * their data first; this is a pure calculation.
 */
export function ageAt(birthDate: string, referenceDate: string): number {
  if (!isValidIsoDate(birthDate)) throw new RangeError('Ogiltigt födelsedatum (ska vara ÅÅÅÅ-MM-DD).');
  if (!isValidIsoDate(referenceDate)) throw new RangeError('Ogiltigt referensdatum (ska vara ÅÅÅÅ-MM-DD).');
  // ISO dates sort as text, so plain string comparison orders them.
  if (birthDate > referenceDate) throw new RangeError('Födelsedatumet ligger efter referensdatumet.');
  const years = Number(referenceDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  const birthdayNotYetReached = referenceDate.slice(5) < birthDate.slice(5);
  return birthdayNotYetReached ? years - 1 : years;
}

/** The band an age (whole years, ≥ 0) falls in for the review's target group. */
export function ageBand(age: number, targetGroup: TargetGroup): AgeBand {
  if (!Number.isInteger(age) || age < 0) throw new RangeError('Åldern måste vara ett heltal som är 0 eller större.');
  const bounds = LOWER_BOUNDS[targetGroup];
  let index = 0;
  while (index + 1 < bounds.length && age >= bounds[index + 1]) index++;
  return AGE_BANDS[targetGroup][index];
}
