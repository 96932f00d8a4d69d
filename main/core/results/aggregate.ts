import type { Database } from 'better-sqlite3';
import type { AnswerGroup, Basis, Sex } from '../../../shared/results/shape';
import { hasSample, isDoneSql } from '../scoring/scorable';

/**
 * The SQL side of the results: the counted files and their answers, grouped once in the
 * database. Counted files are the sample's selected and replacement files, or every file of a
 * review without a sample — never a dropped file, a reserve or a file imported after the draw,
 * even where such a file has answers.
 */

/** `c` (case_file) and `r` (review) restricted to the counted files of review `?`, plus any further join. */
function countedFiles(sampled: boolean, join = ''): string {
  return sampled
    ? `sample_case s JOIN case_file c ON c.id = s.case_id JOIN review r ON r.id = s.review_id ${join}
       WHERE s.review_id = ? AND s.status IN ('selected', 'replacement')`
    : `case_file c JOIN review r ON r.id = c.review_id ${join} WHERE c.review_id = ?`;
}

/**
 * One GROUP BY over the answers: per question, value, sex, unit and age band. Only the values of
 * categorical questions (`categoricalIds`) are grouped on; the others collapse to one null value
 * per group, which still gives their answered count without a group per distinct date or text.
 */
export function answerGroups(db: Database, reviewId: string, categoricalIds: readonly string[]): AnswerGroup[] {
  const sampled = hasSample(db, reviewId);
  const sql = `
    SELECT a.question_id AS questionId,
           CASE WHEN a.question_id IN (SELECT value FROM json_each(?)) THEN a.value END AS value,
           c.sex AS sex, c.unit AS unit, c.age_band AS ageBand, COUNT(*) AS count
      FROM ${countedFiles(sampled, 'JOIN answer a ON a.case_id = c.id')}
       AND a.value IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5`;
  return db.prepare(sql).all(JSON.stringify(categoricalIds), reviewId) as AnswerGroup[];
}

/** How many files count, how many of them are done, and how many of each sex. */
export function basisOf(db: Database, reviewId: string): Basis {
  const sampled = hasSample(db, reviewId);
  const rows = db.prepare(`SELECT c.sex AS sex, COUNT(*) AS files, SUM(${isDoneSql('c', 'r')}) AS done FROM ${countedFiles(sampled)} GROUP BY c.sex`).all(reviewId) as {
    sex: Sex;
    files: number;
    done: number;
  }[];
  const bySex: Record<Sex, number> = { F: 0, M: 0, U: 0 };
  let files = 0;
  let done = 0;
  for (const row of rows) {
    bySex[row.sex] += row.files;
    files += row.files;
    done += row.done;
  }
  return { files, done, bySex };
}
