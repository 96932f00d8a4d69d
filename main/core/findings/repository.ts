import type { Database } from 'better-sqlite3';
import type { Finding } from '../../../shared/contract/findings';
import type { Template } from '../../../shared/templates/schema';
import { answerLabels } from '../results/answer-labels';

/**
 * The findings of a review: answers whose note an inspector marked as a finding. The text is the
 * answer's own note (and its pointer), so a finding can never drift from what the trail holds.
 */

interface FindingRow {
  case_id: string;
  ref: string;
  unit: string;
  question_id: string;
  value: string | null;
  note: string | null;
  file_ref: string | null;
  marked_at: string;
  marked_by: string;
}

export function markFinding(db: Database, reviewId: string, caseId: string, questionId: string, nowIso: string, actor: string): void {
  db.prepare('INSERT INTO finding (case_id, question_id, review_id, marked_at, marked_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id, question_id) DO NOTHING').run(
    caseId,
    questionId,
    reviewId,
    nowIso,
    actor,
  );
}

export function unmarkFinding(db: Database, caseId: string, questionId: string): void {
  db.prepare('DELETE FROM finding WHERE case_id = ? AND question_id = ?').run(caseId, questionId);
}

/** The question ids of a file whose notes are marked as findings. */
export function findingsOfCase(db: Database, caseId: string): string[] {
  return db.prepare('SELECT question_id FROM finding WHERE case_id = ? ORDER BY question_id').pluck().all(caseId) as string[];
}

/** Every finding of the review in template order, then by the review's unit order and the file's reference. */
export function listFindings(db: Database, reviewId: string, template: Template): Finding[] {
  const rows = db
    .prepare(
      `SELECT f.case_id, c.ref, c.unit, f.question_id, a.value, a.note, a.file_ref, f.marked_at, f.marked_by
         FROM finding f JOIN case_file c ON c.id = f.case_id
         LEFT JOIN answer a ON a.case_id = f.case_id AND a.question_id = f.question_id
         LEFT JOIN review_unit u ON u.review_id = c.review_id AND u.name = c.unit
        WHERE f.review_id = ?
        ORDER BY COALESCE(u.position, 1e9), c.unit, c.ref`,
    )
    .all(reviewId) as FindingRow[];
  const order = new Map(template.questions.map((q, i) => [q.id, i]));
  const areaNames = new Map(template.areas.map((a) => [a.id, a.name]));
  return rows
    .filter((r) => order.has(r.question_id) && (r.note ?? '').trim() !== '')
    .sort((a, b) => order.get(a.question_id)! - order.get(b.question_id)!)
    .map((r) => {
      const index = order.get(r.question_id)!;
      const question = template.questions[index];
      return {
        caseId: r.case_id,
        ref: r.ref,
        unit: r.unit,
        questionId: r.question_id,
        number: index + 1,
        questionText: question.text,
        areaId: question.area,
        areaName: areaNames.get(question.area) ?? question.area,
        answer: answerText(template, index, r.value),
        note: r.note!,
        fileRef: r.file_ref,
        markedAt: r.marked_at,
        markedBy: r.marked_by,
      };
    });
}

function answerText(template: Template, index: number, stored: string | null): string | null {
  if (stored === null) return null;
  const question = template.questions[index];
  const labels = answerLabels(template, question);
  if (question.type === 'choice' && question.multiple) {
    const ids = JSON.parse(stored) as string[];
    return ids.map((id) => labels.get(id) ?? id).join(', ');
  }
  return labels.get(stored) ?? stored;
}
