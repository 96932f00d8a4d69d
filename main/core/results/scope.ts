import type { Database } from 'better-sqlite3';
import type { ResultFilter, SplitField } from '../../../shared/contract/results-parts';
import { isCategorical, type Sex } from '../../../shared/results/shape';
import type { Template } from '../../../shared/templates/schema';
import { invalid } from '../errors';
import { hasSample } from '../scoring/scorable';

/**
 * Which files a results query reads, as SQL: the counted files of the review (the sample's selected
 * and replacement files, or every file without a sample — never a dropped file, a reserve or a file
 * imported after the draw), narrowed by the filters, with the split value of each file. Every query
 * of main/core/results goes through here, so a filter cannot apply to one figure and not another.
 */
export interface Scope {
  /** `FROM … WHERE …` naming the counted files `c` and their review `r`; `{join}` is where further joins go. */
  readonly from: (join?: string) => string;
  /** Parameters of `from`, in order. */
  readonly params: readonly unknown[];
  /** The split value of file `c` as an SQL expression (null without a split), and its parameters. */
  readonly group: { sql: string; params: readonly unknown[] };
}

/** A file's value of one dimension as SQL over `c` (case_file). Throws VALIDATION for a question that cannot split. */
export function dimensionSql(template: Template, field: SplitField): { sql: string; params: unknown[] } {
  if (field === 'unit') return { sql: 'c.unit', params: [] };
  if (field === 'ageBand') return { sql: 'c.age_band', params: [] };
  if (field.startsWith('attribute:')) return { sql: '(SELECT j.value FROM json_each(c.attributes) j WHERE j.key = ?)', params: [field.slice('attribute:'.length)] };
  const questionId = field.slice('question:'.length);
  const question = template.questions.find((q) => q.id === questionId);
  if (!question) throw invalid(`Frågan "${questionId}" finns inte i granskningens mall.`, [{ path: '$.by', message: `Frågan "${questionId}" finns inte i granskningens mall.` }]);
  if (!isCategorical(question) || (question.type === 'choice' && question.multiple)) {
    const message = `Fråga ${questionId} kan inte användas för uppdelning: bara frågor med skala eller ett val kan det.`;
    throw invalid(message, [{ path: '$.by', message }]);
  }
  return { sql: '(SELECT value FROM answer WHERE case_id = c.id AND question_id = ?)', params: [questionId] };
}

/**
 * `sexes`: count only the files of these sexes — the publication set's per-question figures cover
 * the sex groups it publishes (docs/disclosure.md); omitted, every sex.
 */
export function scopeOf(db: Database, reviewId: string, template: Template, filters: readonly ResultFilter[] = [], by?: SplitField, sexes?: readonly Sex[]): Scope {
  const sampled = hasSample(db, reviewId);
  const conditions = filters.map((f) => dimensionSql(template, f.field));
  const sexCondition = sexes ? ` AND c.sex IN (SELECT value FROM json_each(?))` : '';
  const where = conditions.map((d) => ` AND ${d.sql} IS ?`).join('') + sexCondition;
  const whereParams = [...conditions.flatMap((d, i) => [...d.params, filters[i].value]), ...(sexes ? [JSON.stringify(sexes)] : [])];
  const from = (join = '') =>
    sampled
      ? `sample_case s JOIN case_file c ON c.id = s.case_id JOIN review r ON r.id = s.review_id ${join}
         WHERE s.review_id = ? AND s.status IN ('selected', 'replacement')${where}`
      : `case_file c JOIN review r ON r.id = c.review_id ${join} WHERE c.review_id = ?${where}`;
  return { from, params: [reviewId, ...whereParams], group: by ? dimensionSql(template, by) : { sql: 'NULL', params: [] } };
}
