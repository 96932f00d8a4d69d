import type { Database } from 'better-sqlite3';
import type { AnswerGroup, Basis, Sex, ValueRow } from '../../../shared/results/shape';
import { isDoneSql } from '../scoring/scorable';
import type { Scope } from './scope';

/**
 * The SQL side of the results: the counted files of a scope (scope.ts) and their answers, grouped
 * once in the database.
 */

/**
 * The answers grouped per question, value, sex, unit, age band and split value. Only the values of
 * categorical questions (`categoricalIds`) are kept; the others collapse to one null value per
 * group, which still gives their answered count without a group per distinct date.
 *
 * Why not one GROUP BY over the answer rows: SQLite has no hash aggregation, so such a query sorts
 * every answer (92,000 rows at the size of reference 002), and that sort was the whole cost
 * (docs/performance.md). Grouping per FILE instead follows the answer table's primary key (case_id,
 * question_id) — the database hands over one row per file with its answers joined into one string —
 * and the counting happens here, once per answer, in a map. Ids and stored categorical values are
 * ids or JSON arrays of ids (IdSchema), so the two control characters used as separators never
 * occur in them.
 */
const PAIR = '\u001e';
const FIELD = '\u001f';

export function answerGroups(db: Database, scope: Scope, categoricalIds: readonly string[]): AnswerGroup[] {
  const sql = `
    SELECT c.sex, c.unit, c.age_band, ${scope.group.sql},
           group_concat(a.question_id || char(31) || CASE WHEN a.question_id IN (SELECT value FROM json_each(?)) THEN a.value ELSE '' END, char(30))
      FROM ${scope.from('JOIN answer a ON a.case_id = c.id')}
       AND a.value IS NOT NULL
     GROUP BY c.id`;
  const files = db.prepare(sql).raw().all(...scope.group.params, JSON.stringify(categoricalIds), ...scope.params) as [Sex, string, string | null, string | null, string][];
  // Per cell (sex, unit, age band, split value), the count of each question-and-value pair.
  const cells = new Map<string, { sex: Sex; unit: string; ageBand: string | null; grp: string | null; pairs: Map<string, number> }>();
  for (const [sex, unit, ageBand, grp, answers] of files) {
    const key = JSON.stringify([sex, unit, ageBand, grp]);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { sex, unit, ageBand, grp, pairs: new Map() }));
    for (const pair of answers.split(PAIR)) cell.pairs.set(pair, (cell.pairs.get(pair) ?? 0) + 1);
  }
  const groups: AnswerGroup[] = [];
  for (const { sex, unit, ageBand, grp, pairs } of cells.values()) {
    for (const [pair, count] of pairs) {
      const cut = pair.indexOf(FIELD);
      const value = pair.slice(cut + 1);
      groups.push({ questionId: pair.slice(0, cut), value: value === '' ? null : value, sex, unit, ageBand, grp, count });
    }
  }
  return groups;
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
