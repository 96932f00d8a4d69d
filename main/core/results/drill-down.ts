import type { Database } from 'better-sqlite3';
import type { ResultFilter, SplitField } from '../../../shared/contract/results-parts';
import type { Sex } from '../../../shared/results/shape';
import { invalid } from '../errors';
import { reviewTemplate } from '../reviews/frozen-template';
import { isDoneSql } from '../scoring/scorable';
import { scopeOf } from './scope';

/** At most this many files are listed; `total` still counts them all. */
export const MAX_DRILL_DOWN_FILES = 500;

export interface DrillDown {
  questionId: string;
  answer?: string;
  sex?: Sex;
  filters?: readonly ResultFilter[];
  by?: SplitField;
  group?: string | null;
}

/**
 * The case files behind a cell of the internal results: the counted files (same scope, same
 * filters) that answered the question, or answered it `answer` — for a multiple choice, those
 * that chose that option. Internal only: it lists files, which the published view never does.
 */
export function filesBehind(db: Database, reviewId: string, cell: DrillDown) {
  const template = reviewTemplate(db, reviewId);
  const question = template.questions.find((q) => q.id === cell.questionId);
  if (!question) throw invalid(`Frågan "${cell.questionId}" finns inte i granskningens mall.`, [{ path: '$.questionId', message: `Frågan "${cell.questionId}" finns inte i granskningens mall.` }]);
  if (cell.group !== undefined && !cell.by) throw invalid('Ange vilken uppdelning gruppen hör till.', [{ path: '$.by', message: 'Ange vilken uppdelning gruppen hör till.' }]);
  const scope = scopeOf(db, reviewId, template, cell.filters ?? [], cell.by);
  const rows = db
    .prepare(
      `SELECT c.id AS caseId, c.ref AS ref, c.unit AS unit, c.sex AS sex, c.age_band AS ageBand, a.value AS value, ${isDoneSql('c', 'r')} AS done, ${scope.group.sql} AS grp
         FROM ${scope.from('JOIN answer a ON a.case_id = c.id AND a.question_id = ?')}
          AND a.value IS NOT NULL`,
    )
    .all(...scope.group.params, cell.questionId, ...scope.params) as { caseId: string; ref: string; unit: string; sex: Sex; ageBand: string | null; value: string; done: number; grp: string | null }[];
  const multiple = question.type === 'choice' && question.multiple;
  const chose = (value: string) => (multiple ? (JSON.parse(value) as unknown[]).includes(cell.answer) : value === cell.answer);
  const matching = rows
    .filter((r) => (cell.answer === undefined || chose(r.value)) && (cell.sex === undefined || r.sex === cell.sex) && (cell.group === undefined || r.grp === cell.group))
    .sort((a, b) => a.ref.localeCompare(b.ref, 'sv', { numeric: true }));
  return {
    files: matching.slice(0, MAX_DRILL_DOWN_FILES).map((r) => ({ caseId: r.caseId, ref: r.ref, unit: r.unit, sex: r.sex, ageBand: r.ageBand, answer: r.value, done: r.done === 1 })),
    total: matching.length,
  };
}
