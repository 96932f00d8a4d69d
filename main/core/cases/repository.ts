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

export function listCases(db: Database, reviewId: string): CaseFile[] {
  const rows = db.prepare('SELECT * FROM case_file WHERE review_id = ? ORDER BY unit, ref').all(reviewId) as CaseRow[];
  return rows.map(toCase);
}

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
