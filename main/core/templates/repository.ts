import type { Database } from 'better-sqlite3';
import type { Template } from '../../../shared/templates/schema';

export type TemplateOrigin = 'bundled' | 'user' | 'imported';

export interface TemplateRow {
  id: string;
  version: number;
  name: string;
  target_group: 'barn' | 'vuxna';
  origin: TemplateOrigin;
  document: string;
  frozen: 0 | 1;
  created_at: string;
  updated_at: string;
}

/** The stored form of a template: stable key order from the schema, two-space indent. */
export const serialiseTemplate = (t: Template): string => JSON.stringify(t, null, 2);

export function listLatestTemplates(db: Database): TemplateRow[] {
  return db
    .prepare(
      `SELECT t.* FROM template t
       WHERE t.version = (SELECT MAX(version) FROM template WHERE id = t.id)
       ORDER BY t.name COLLATE NOCASE, t.id`,
    )
    .all() as TemplateRow[];
}

export function findTemplate(db: Database, id: string, version?: number): TemplateRow | undefined {
  if (version === undefined) {
    return db.prepare('SELECT * FROM template WHERE id = ? ORDER BY version DESC LIMIT 1').get(id) as TemplateRow | undefined;
  }
  return db.prepare('SELECT * FROM template WHERE id = ? AND version = ?').get(id, version) as TemplateRow | undefined;
}

export function templateVersions(db: Database, id: string): number[] {
  return (db.prepare('SELECT version FROM template WHERE id = ? ORDER BY version').pluck().all(id) as number[]);
}

export function templateIdExists(db: Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM template WHERE id = ? LIMIT 1').get(id) !== undefined;
}

export function insertTemplate(db: Database, t: Template, origin: TemplateOrigin, nowIso: string): void {
  db.prepare(
    `INSERT INTO template (id, version, name, target_group, origin, document, frozen, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  ).run(t.id, t.version, t.name, t.targetGroup, origin, serialiseTemplate(t), nowIso, nowIso);
  writeQuestionIndex(db, t);
}

export function updateTemplate(db: Database, t: Template, nowIso: string): void {
  db.prepare('UPDATE template SET name = ?, target_group = ?, document = ?, updated_at = ? WHERE id = ? AND version = ?').run(
    t.name,
    t.targetGroup,
    serialiseTemplate(t),
    nowIso,
    t.id,
    t.version,
  );
  writeQuestionIndex(db, t);
}

export function freezeTemplate(db: Database, id: string, version: number): void {
  db.prepare('UPDATE template SET frozen = 1 WHERE id = ? AND version = ?').run(id, version);
}

export function deleteTemplateVersions(db: Database, id: string): number {
  return db.prepare('DELETE FROM template WHERE id = ?').run(id).changes;
}

export function countFrozenVersions(db: Database, id: string): number {
  return db.prepare('SELECT COUNT(*) FROM template WHERE id = ? AND frozen = 1').pluck().get(id) as number;
}

/** Keeps the per-question index in step with the document (analysis joins answers to areas through it). */
function writeQuestionIndex(db: Database, t: Template): void {
  db.prepare('DELETE FROM template_question WHERE template_id = ? AND template_version = ?').run(t.id, t.version);
  const insert = db.prepare(
    `INSERT INTO template_question (template_id, template_version, question_id, position, area_id, area_position, type, scale_id, required)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const areaPosition = new Map(t.areas.map((a, i) => [a.id, i]));
  t.questions.forEach((q, i) => {
    insert.run(t.id, t.version, q.id, i, q.area, areaPosition.get(q.area) ?? -1, q.type, q.type === 'scale' ? q.scale : null, q.required ? 1 : 0);
  });
}
