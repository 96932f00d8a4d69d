import type { Database } from 'better-sqlite3';
import { prepared } from '../db/statements';
import type { Answer } from '../../../shared/contract/scoring';
import { readAnswerValue } from '../../../shared/scoring/answer-value';
import type { Template } from '../../../shared/templates/schema';

export interface AnswerRow {
  question_id: string;
  value: string | null;
  note: string | null;
  file_ref: string | null;
  updated_at: string;
  updated_by: string;
}

export function answersOfCase(db: Database, caseId: string): AnswerRow[] {
  return db.prepare('SELECT question_id, value, note, file_ref, updated_at, updated_by FROM answer WHERE case_id = ?').all(caseId) as AnswerRow[];
}

export function toAnswer(template: Template, row: AnswerRow): Answer {
  const question = template.questions.find((q) => q.id === row.question_id);
  return {
    questionId: row.question_id,
    value: readAnswerValue(question, row.value),
    note: row.note,
    fileRef: row.file_ref,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** Insert or update one answer; the audit trail is written by the database's triggers. */
export function upsertAnswer(db: Database, caseId: string, questionId: string, value: string | null, note: string | null, fileRef: string | null, nowIso: string, actor: string): void {
  prepared(
    db,
    `INSERT INTO answer (case_id, question_id, value, note, file_ref, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (case_id, question_id) DO UPDATE SET value = excluded.value, note = excluded.note, file_ref = excluded.file_ref,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(caseId, questionId, value, note, fileRef, nowIso, actor);
}

/** Progress counts an answered question (a value given); notes alone do not count. */
export function progressOf(template: Template, rows: { question_id: string; value: string | null }[]) {
  const answered = new Set(rows.filter((r) => r.value !== null).map((r) => r.question_id));
  const count = (questions: Template['questions']) => ({
    answered: questions.filter((q) => answered.has(q.id)).length,
    total: questions.length,
    requiredMissing: questions.filter((q) => q.required && !answered.has(q.id)).length,
  });
  const areaProgress = Object.fromEntries(template.areas.map((a) => [a.id, count(template.questions.filter((q) => q.area === a.id))]));
  return { progress: count(template.questions), areaProgress };
}
