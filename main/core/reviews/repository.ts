import type { Database } from 'better-sqlite3';
import type { Review } from '../../../shared/contract/reviews';
import { notFound } from '../errors';
import { isDoneSql } from '../scoring/scorable';

interface ReviewRow {
  id: string;
  title: string;
  subtitle: string | null;
  dnr: string | null;
  theme: string | null;
  target_group: 'barn' | 'vuxna';
  period_from: string | null;
  period_to: string | null;
  reference_date: string;
  template_id: string;
  template_version: number;
  template_name: string;
  archived: 0 | 1;
  example: 0 | 1;
  publish_threshold: number;
  deletable: 0 | 1;
  created_at: string;
  created_by: string;
  updated_at: string;
  case_count: number;
  sampled_count: number;
  done_count: number;
}

/** done_count: files done as every count sees it (marked done and complete), of the sample when there is one. */
const SELECT_REVIEW = `
  SELECT r.*, t.name AS template_name,
    (SELECT COUNT(*) FROM case_file c WHERE c.review_id = r.id) AS case_count,
    (SELECT COUNT(*) FROM sample_case s WHERE s.review_id = r.id AND s.status IN ('selected', 'replacement')) AS sampled_count,
    CASE WHEN EXISTS (SELECT 1 FROM sample WHERE review_id = r.id)
      THEN (SELECT COUNT(*) FROM sample_case s JOIN case_file c ON c.id = s.case_id
              WHERE s.review_id = r.id AND s.status IN ('selected', 'replacement') AND ${isDoneSql('c', 'r')})
      ELSE (SELECT COUNT(*) FROM case_file c WHERE c.review_id = r.id AND ${isDoneSql('c', 'r')}) END AS done_count,
    -- The rule of reviews.delete (reviews/delete.ts): the example, or no answer, done mark or their history.
    (r.example = 1 OR (NOT EXISTS (SELECT 1 FROM answer_audit a WHERE a.review_id = r.id)
       AND NOT EXISTS (SELECT 1 FROM case_event e WHERE e.review_id = r.id)
       AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.review_id = r.id AND c.done_at IS NOT NULL))) AS deletable
  FROM review r JOIN template t ON t.id = r.template_id AND t.version = r.template_version`;

export function findReview(db: Database, id: string): Review | undefined {
  const row = db.prepare(`${SELECT_REVIEW} WHERE r.id = ?`).get(id) as ReviewRow | undefined;
  return row && toReview(db, row);
}

export function listReviews(db: Database, includeArchived: boolean): Review[] {
  const rows = db.prepare(`${SELECT_REVIEW} ${includeArchived ? '' : 'WHERE r.archived = 0'} ORDER BY r.created_at DESC, r.title`).all() as ReviewRow[];
  return rows.map((row) => toReview(db, row));
}

export interface ReviewWrite {
  title: string;
  subtitle?: string | null;
  dnr?: string | null;
  theme?: string | null;
  periodFrom?: string | null;
  periodTo?: string | null;
  referenceDate: string;
}

export function insertReview(
  db: Database,
  r: ReviewWrite & { id: string; targetGroup: string; templateId: string; templateVersion: number; createdBy: string; nowIso: string; example?: boolean },
): void {
  db.prepare(
    `INSERT INTO review (id, title, subtitle, dnr, theme, target_group, period_from, period_to, reference_date, template_id, template_version, created_at, created_by, updated_at, example)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.id, r.title, r.subtitle ?? null, r.dnr ?? null, r.theme ?? null, r.targetGroup, r.periodFrom ?? null, r.periodTo ?? null, r.referenceDate, r.templateId, r.templateVersion, r.nowIso, r.createdBy, r.nowIso, r.example ? 1 : 0);
}

export function updateReviewFields(db: Database, id: string, r: ReviewWrite, nowIso: string): void {
  db.prepare(
    `UPDATE review SET title = ?, subtitle = ?, dnr = ?, theme = ?, period_from = ?, period_to = ?, reference_date = ?, updated_at = ? WHERE id = ?`,
  ).run(r.title, r.subtitle ?? null, r.dnr ?? null, r.theme ?? null, r.periodFrom ?? null, r.periodTo ?? null, r.referenceDate, nowIso, id);
}

export function setArchived(db: Database, id: string, archived: boolean, nowIso: string): void {
  db.prepare('UPDATE review SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, nowIso, id);
}

export function replaceUnits(db: Database, reviewId: string, units: string[]): void {
  db.prepare('DELETE FROM review_unit WHERE review_id = ?').run(reviewId);
  const insert = db.prepare('INSERT INTO review_unit (review_id, name, position) VALUES (?, ?, ?)');
  [...new Set(units)].forEach((name, i) => insert.run(reviewId, name, i));
}

/** Units that appear in an imported case list join the review's list, after the named ones. */
export function addUnits(db: Database, reviewId: string, units: string[]): void {
  const next = db.prepare('SELECT COALESCE(MAX(position) + 1, 0) FROM review_unit WHERE review_id = ?').pluck();
  const insert = db.prepare('INSERT OR IGNORE INTO review_unit (review_id, name, position) VALUES (?, ?, ?)');
  for (const unit of units) insert.run(reviewId, unit, next.get(reviewId));
}

export function replaceInspectors(db: Database, reviewId: string, inspectors: { name: string; phone?: string }[]): void {
  db.prepare('DELETE FROM review_inspector WHERE review_id = ?').run(reviewId);
  const insert = db.prepare('INSERT INTO review_inspector (review_id, position, name, phone) VALUES (?, ?, ?, ?)');
  inspectors.forEach((p, i) => insert.run(reviewId, i, p.name, p.phone ?? null));
}

function toReview(db: Database, row: ReviewRow): Review {
  const units = db.prepare('SELECT name FROM review_unit WHERE review_id = ? ORDER BY position').pluck().all(row.id) as string[];
  const inspectors = (db.prepare('SELECT name, phone FROM review_inspector WHERE review_id = ? ORDER BY position').all(row.id) as { name: string; phone: string | null }[]).map(
    (p) => (p.phone ? { name: p.name, phone: p.phone } : { name: p.name }),
  );
  return {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    dnr: row.dnr,
    theme: row.theme,
    targetGroup: row.target_group,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    referenceDate: row.reference_date,
    templateId: row.template_id,
    templateVersion: row.template_version,
    templateName: row.template_name,
    units,
    inspectors,
    archived: row.archived === 1,
    example: row.example === 1,
    publishThreshold: row.publish_threshold,
    deletable: row.deletable === 1,
    caseCount: row.case_count,
    sampledCount: row.sampled_count,
    doneCount: row.done_count,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

/** The review, or NOT_FOUND in Swedish: what every feature asks before it touches a review's rows. */
export function requireReview(db: Database, id: string): Review {
  const review = findReview(db, id);
  if (!review) throw notFound(`Det finns ingen granskning med id "${id}".`);
  return review;
}
