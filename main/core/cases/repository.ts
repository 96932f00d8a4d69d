import type { Database } from 'better-sqlite3';
import type { CaseFile } from '../../../shared/contract/cases';
import type { ParsedCase } from '../../../shared/import/case-list';
import { prepared } from '../db/statements';

interface CaseRow {
  id: string;
  ref: string;
  unit: string;
  sex: 'F' | 'M' | 'U';
  age: number | null;
  age_band: string | null;
  attributes: string;
  done_at: string | null;
}

export interface CaseFilter {
  /** Part of the reference or the unit, in any case (Swedish letters too). */
  query?: string;
  /** Exactly this unit. */
  unit?: string;
  offset?: number;
  /** Without it every matching file. */
  limit?: number;
}

/**
 * One page of the case list, in unit then reference order, and how many files match in all. Made
 * for 100,000 files: no query reads every row in full.
 * - No search: counts per unit from the review's unit index, then only the units the page spans,
 *   each with LIMIT/OFFSET (sorting one unit is cheap; sorting the whole list by unit and reference,
 *   which no index serves, cost 150–300 ms a page).
 * - A search: SQLite folds only A–Z, and units are Swedish ("Östermalm"), so the match runs here
 *   over the references and units alone, and only the page's files are read in full.
 */
export function listCasesPage(db: Database, reviewId: string, filter: CaseFilter): { cases: CaseFile[]; total: number } {
  const query = filter.query === undefined ? '' : foldCase(filter.query);
  if (query !== '') return searchPage(db, reviewId, query, filter);
  if (filter.limit === undefined && !filter.offset) {
    const rows = (
      filter.unit === undefined
        ? prepared(db, 'SELECT * FROM case_file WHERE review_id = ? ORDER BY unit, ref').all(reviewId)
        : prepared(db, 'SELECT * FROM case_file WHERE review_id = ? AND unit = ? ORDER BY ref').all(reviewId, filter.unit)
    ) as CaseRow[];
    return { cases: rows.map(toCase), total: rows.length };
  }
  const units = (
    filter.unit === undefined
      ? prepared(db, 'SELECT unit, COUNT(*) AS n FROM case_file WHERE review_id = ? GROUP BY unit ORDER BY unit').all(reviewId)
      : prepared(db, 'SELECT unit, COUNT(*) AS n FROM case_file WHERE review_id = ? AND unit = ? GROUP BY unit').all(reviewId, filter.unit)
  ) as { unit: string; n: number }[];
  const rows: CaseRow[] = [];
  let skip = filter.offset ?? 0;
  let wanted = filter.limit ?? Number.POSITIVE_INFINITY;
  for (const { unit, n } of units) {
    if (wanted <= 0) break;
    if (skip >= n) {
      skip -= n;
      continue;
    }
    const part = prepared(db, 'SELECT * FROM case_file WHERE review_id = ? AND unit = ? ORDER BY ref LIMIT ? OFFSET ?').all(reviewId, unit, Number.isFinite(wanted) ? wanted : -1, skip) as CaseRow[];
    rows.push(...part);
    wanted -= part.length;
    skip = 0;
  }
  return { cases: rows.map(toCase), total: units.reduce((sum, u) => sum + u.n, 0) };
}

function searchPage(db: Database, reviewId: string, query: string, filter: CaseFilter): { cases: CaseFile[]; total: number } {
  const candidates = (
    filter.unit === undefined
      ? prepared(db, 'SELECT id, ref, unit FROM case_file WHERE review_id = ?').all(reviewId)
      : prepared(db, 'SELECT id, ref, unit FROM case_file WHERE review_id = ? AND unit = ?').all(reviewId, filter.unit)
  ) as { id: string; ref: string; unit: string }[];
  const unitMatches = new Map<string, boolean>();
  const matchesUnit = (unit: string) => {
    let hit = unitMatches.get(unit);
    if (hit === undefined) unitMatches.set(unit, (hit = foldCase(unit).includes(query)));
    return hit;
  };
  const matches = candidates.filter((c) => matchesUnit(c.unit) || foldCase(c.ref).includes(query));
  // The order SQL gives the unfiltered list (BINARY: the same as code units for these texts).
  matches.sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const offset = filter.offset ?? 0;
  const page = matches.slice(offset, filter.limit === undefined ? undefined : offset + filter.limit);
  const byId = new Map<string, CaseRow>();
  const one = prepared(db, 'SELECT * FROM case_file WHERE id = ?');
  for (const c of page) byId.set(c.id, one.get(c.id) as CaseRow);
  return { cases: page.map((c) => toCase(byId.get(c.id)!)), total: matches.length };
}

/**
 * Lower case beyond A–Z ("Östermalm" → "östermalm"), as people search. Swedish has no casing rule
 * of its own (unlike Turkish), so the default Unicode mapping is the Swedish one, and much faster
 * than a locale-aware call over 100,000 references.
 */
const foldCase = (text: string): string => text.toLowerCase();

export function findCase(db: Database, reviewId: string, caseId: string): CaseFile | undefined {
  const row = db.prepare('SELECT * FROM case_file WHERE id = ? AND review_id = ?').get(caseId, reviewId) as CaseRow | undefined;
  return row && toCase(row);
}

export function existingRefs(db: Database, reviewId: string): Map<string, string> {
  const rows = db.prepare('SELECT ref, id FROM case_file WHERE review_id = ?').all(reviewId) as { ref: string; id: string }[];
  return new Map(rows.map((r) => [r.ref, r.id]));
}

export function insertCase(db: Database, reviewId: string, id: string, c: ParsedCase, nowIso: string): void {
  prepared(db, 
    `INSERT INTO case_file (id, review_id, ref, unit, sex, age, age_band, attributes, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, reviewId, c.ref, c.unit, c.sex, c.age, c.ageBand, JSON.stringify(c.attributes), nowIso);
}

export function updateCase(db: Database, id: string, c: ParsedCase, nowIso: string): void {
  prepared(db, `UPDATE case_file SET unit = ?, sex = ?, age = ?, age_band = ?, attributes = ?, imported_at = ? WHERE id = ?`).run(
    c.unit,
    c.sex,
    c.age,
    c.ageBand,
    JSON.stringify(c.attributes),
    nowIso,
    id,
  );
}

function toCase(row: CaseRow): CaseFile {
  return {
    id: row.id,
    ref: row.ref,
    unit: row.unit,
    sex: row.sex,
    age: row.age,
    ageBand: row.age_band,
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    done: row.done_at !== null,
  };
}
