import type { Database } from 'better-sqlite3';
import type { Sex } from '../../../shared/results/shape';
import type { Scope } from './scope';

/**
 * The answers of the counted files one by one, for the internal workbook's sheet "Svar": the
 * files of the same scope (scope.ts) results.get counts, filters included.
 */

export interface RawAnswer {
  caseRef: string;
  unit: string;
  sex: Sex;
  ageBand: string | null;
  questionId: string;
  /** The stored text form (answer-value.ts): an id, a JSON array of ids, an ISO date, a plain decimal or text. */
  value: string;
}

/** Every answered question of every counted file, in the review's unit order, then by file reference. */
export function rawAnswers(db: Database, scope: Scope): RawAnswer[] {
  const sql = `
    SELECT c.ref AS caseRef, c.unit AS unit, c.sex AS sex, c.age_band AS ageBand, a.question_id AS questionId, a.value AS value
      FROM ${scope.from('JOIN answer a ON a.case_id = c.id LEFT JOIN review_unit u ON u.review_id = c.review_id AND u.name = c.unit')}
       AND a.value IS NOT NULL
     ORDER BY u.position IS NULL, u.position, c.unit, c.ref, c.id`;
  return db.prepare(sql).all(...scope.params) as RawAnswer[];
}
