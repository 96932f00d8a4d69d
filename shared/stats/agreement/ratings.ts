/**
 * The data every agreement statistic reads: items × raters, each cell a category's position in
 * the category set or missing. The category set is given, never inferred from the ratings: it
 * comes from the frozen template, so a category nobody chose still counts (a Fleiss κ or an AC1
 * over the categories seen would change whenever a rare answer happened not to occur).
 */

export interface Ratings {
  /** K, the number of categories in the set (from the template, used or not). */
  readonly categoryCount: number;
  /** One row per item (a file, a question in a file), one cell per rater: 0 … K−1, or null when that rater gave no rating. */
  readonly rows: readonly (readonly (number | null)[])[];
  /** How many times each row counts (the bootstrap's resample counts identical rows once with their multiplicity); 1 each when absent. */
  readonly weights?: readonly number[];
}

/** A statistic's value, or why it cannot be computed (Swedish, for the reader), never NaN. */
export type Computed<Extra extends object = object> = ({ ok: true; value: number } & Extra) | { ok: false; reason: string };

export const notComputable = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** Reasons shared by several statistics, in Swedish: they are shown to the reader as they stand. */
export const REASONS = {
  oneCategory: 'Kategorimängden har bara en kategori; överensstämmelse utöver slumpen kan inte mätas.',
  noPairs: 'Inget objekt har bedömts av minst två bedömare; överensstämmelse kan inte beräknas.',
  notTwoRaters: (raters: number) => `Måttet gäller exakt två bedömare; här finns ${raters}.`,
  oneCategoryUsed: 'Alla bedömningar hamnar i samma kategori. Då väntas full överensstämmelse redan av en slump, och måttet (0/0) är inte definierat.',
  notOrdered: 'Måttet kräver ordnade kategorier (till exempel ja, delvis, nej).',
} as const;

/**
 * Ratings from values and the category set, e.g. ratingsFrom(['ja', 'delvis', 'nej'], [['ja', 'nej'], ['ja', null]]).
 * null and undefined are missing. A value outside the set is a programming error here: a caller
 * reading user input checks each value first and names the row.
 */
export function ratingsFrom<T>(categories: readonly T[], rows: readonly (readonly (T | null | undefined)[])[]): Ratings {
  const position = new Map<T, number>();
  categories.forEach((c, i) => {
    if (position.has(c)) throw new RangeError(`ratingsFrom: category ${String(c)} is given twice`);
    position.set(c, i);
  });
  return {
    categoryCount: categories.length,
    rows: rows.map((row) =>
      row.map((value) => {
        if (value === null || value === undefined) return null;
        const p = position.get(value);
        if (p === undefined) throw new RangeError(`ratingsFrom: ${String(value)} is not one of the categories`);
        return p;
      }),
    ),
  };
}

/** The number of rater columns: the longest row. */
export const raterCount = (ratings: Ratings): number => ratings.rows.reduce((max, row) => Math.max(max, row.length), 0);

/** Per item, how many of its ratings fell in each category (r_ik), with the item's weight; items without any rating (or weight) are left out. */
export function countsPerItem(ratings: Ratings): { counts: number[]; weight: number }[] {
  const items: { counts: number[]; weight: number }[] = [];
  for (const [i, row] of ratings.rows.entries()) {
    const weight = ratings.weights?.[i] ?? 1;
    if (weight === 0) continue;
    const counts = new Array<number>(ratings.categoryCount).fill(0);
    let total = 0;
    for (const value of row) {
      if (value === null) continue;
      counts[value]++;
      total++;
    }
    if (total > 0) items.push({ counts, weight });
  }
  return items;
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
