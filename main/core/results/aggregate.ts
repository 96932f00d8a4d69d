import type { Database } from 'better-sqlite3';
import type { AnswerGroup, Basis, Sex, ValueRow } from '../../../shared/results/shape';
import { isDoneSql } from '../scoring/scorable';
import type { Scope } from './scope';

/**
 * The SQL side of the results: the counted files of a scope (scope.ts) and their answers, grouped
 * once in the database.
 */

/**
 * One GROUP BY over the answers: per question, value, sex, unit, age band and split value. Only the
 * values of categorical questions (`categoricalIds`) are grouped on; the others collapse to one
 * null value per group, which still gives their answered count without a group per distinct date.
 */
export function answerGroups(db: Database, scope: Scope, categoricalIds: readonly string[]): AnswerGroup[] {
  const sql = `
    SELECT a.question_id AS questionId,
           CASE WHEN a.question_id IN (SELECT value FROM json_each(?)) THEN a.value END AS value,
           c.sex AS sex, c.unit AS unit, c.age_band AS ageBand, ${scope.group.sql} AS grp, COUNT(*) AS count
      FROM ${scope.from('JOIN answer a ON a.case_id = c.id')}
       AND a.value IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6`;
  return db.prepare(sql).all(JSON.stringify(categoricalIds), ...scope.group.params, ...scope.params) as AnswerGroup[];
}

/** Each file's answer to the given questions (numbers and dates), for distributions and derived measures. */
export function answerValues(db: Database, scope: Scope, questionIds: readonly string[]): ValueRow[] {
  if (questionIds.length === 0) return [];
  const sql = `
    SELECT c.id AS caseId, c.sex AS sex, ${scope.group.sql} AS grp, a.question_id AS questionId, a.value AS value
      FROM ${scope.from('JOIN answer a ON a.case_id = c.id')}
       AND a.value IS NOT NULL AND a.question_id IN (SELECT value FROM json_each(?))`;
  return db.prepare(sql).all(...scope.group.params, ...scope.params, JSON.stringify(questionIds)) as ValueRow[];
}

/** How many files count, how many of them are done, by sex and split value. */
export function basisOf(db: Database, scope: Scope): Basis {
  const rows = db
    .prepare(`SELECT c.sex AS sex, ${scope.group.sql} AS grp, COUNT(*) AS files, SUM(${isDoneSql('c', 'r')}) AS done FROM ${scope.from()} GROUP BY 1, 2`)
    .all(...scope.group.params, ...scope.params) as { sex: Sex; grp: string | null; files: number; done: number }[];
  const bySex: Record<Sex, number> = { F: 0, M: 0, U: 0 };
  const byGroup = new Map<string | null, Record<Sex, number>>();
  let files = 0;
  let done = 0;
  for (const row of rows) {
    bySex[row.sex] += row.files;
    files += row.files;
    done += row.done;
    const group = byGroup.get(row.grp) ?? { F: 0, M: 0, U: 0 };
    group[row.sex] += row.files;
    byGroup.set(row.grp, group);
  }
  return { files, done, bySex, byGroup };
}
