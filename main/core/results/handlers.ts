import type { Database } from 'better-sqlite3';
import type { InternalResults } from '../../../shared/contract/results';
import type { ResultFilter, SplitField } from '../../../shared/contract/results-parts';
import { compareResults } from '../../../shared/results/compare';
import { deriveMeasures, measureQuestionIds } from '../../../shared/results/derived';
import { isCategorical, shapeResults, type Sex } from '../../../shared/results/shape';
import { fieldLabel, filterLabel } from '../../../shared/results/split-labels';
import type { Template } from '../../../shared/templates/schema';
import type { HandlerMap } from '../dispatch';
import { invalid } from '../errors';
import { reviewTemplate } from '../reviews/frozen-template';
import { answerGroups, answerValues, basisOf } from './aggregate';
import { filesBehind } from './drill-down';
import { availableDimensions, splitValuesOf } from './dimensions';
import { auditedPublicationSet } from './publication-audit';
import { scopeOf } from './scope';

export interface ResultsQuery {
  filters?: readonly ResultFilter[];
  by?: SplitField;
  /** Only the files of these sexes (the publication set's covered groups); omitted, every sex. */
  sexes?: readonly Sex[];
}

/**
 * The internal results of one review under filters and a split. One read transaction: the basis and
 * the answers are of the same moment while scoring goes on. The review's frozen template version
 * is used, so a template edited after scoring began changes nothing here.
 */
export function internalResults(db: Database, reviewId: string, query: ResultsQuery = {}): InternalResults {
  const template = reviewTemplate(db, reviewId);
  const filters = query.filters ?? [];
  return db.transaction(() => {
    // The scope first: it refuses a filter or split on a question that cannot take one, naming it.
    const scope = scopeOf(db, reviewId, template, filters, query.by, query.sexes);
    const dimensions = availableDimensions(db, scopeOf(db, reviewId, template), template);
    const splitValues = query.by ? splitValuesOf(dimensions, query.by) : null;
    const categoricalIds = template.questions.filter(isCategorical).map((q) => q.id);
    const numberIds = template.questions.filter((q) => q.type === 'number').map((q) => q.id);
    const values = answerValues(db, scope, [...new Set([...numberIds, ...measureQuestionIds(template)])]);
    const basis = basisOf(db, scope);
    const shaped = shapeResults(template, { groups: answerGroups(db, scope, categoricalIds), basis, splitValues, numbers: values.filter((v) => numberIds.includes(v.questionId)) });
    return {
      ...shaped,
      split: {
        filters: filters.map((f) => ({ field: f.field, value: f.value, label: filterLabel(template, f.field, f.value) })),
        by: query.by ? { field: query.by, label: fieldLabel(template, query.by) } : null,
        dimensions,
        groups: splitValues && splitValues.map((v) => {
          const files = basis.byGroup.get(v.value) ?? { F: 0, M: 0, U: 0 };
          return { ...v, files: { ...files, total: files.F + files.M + files.U } };
        }),
      },
      derived: deriveMeasures(template, values, splitValues),
      comparison: null,
    };
  })();
}

function earlierReview(db: Database, reviewId: string, compareWith: string, template: Template) {
  if (compareWith === reviewId) throw invalid('En granskning kan inte jämföras med sig själv.', [{ path: '$.compareWith', message: 'Välj en annan, tidigare granskning.' }]);
  const row = db.prepare('SELECT id, title, template_id, period_from, period_to FROM review WHERE id = ?').get(compareWith) as
    | { id: string; title: string; template_id: string; period_from: string | null; period_to: string | null }
    | undefined;
  if (!row) throw invalid('Granskningen att jämföra med finns inte.', [{ path: '$.compareWith', message: 'Granskningen att jämföra med finns inte.' }]);
  if (row.template_id !== template.id) {
    const message = `Granskningen "${row.title}" bygger på en annan mall; jämförelser görs bara mellan granskningar på samma mall.`;
    throw invalid(message, [{ path: '$.compareWith', message }]);
  }
  return { reviewId: row.id, title: row.title, period: row.period_from && row.period_to ? { from: row.period_from, to: row.period_to } : null };
}

export const resultHandlers: HandlerMap = {
  'results.get': ({ reviewId, published, filters, by, compareWith }, { db }) => {
    // One publication set per review: the published view takes no filter, split or comparison (the contract
    // refuses them), and it is audited wherever it is shown — the screen, the CLI's output, an export.
    if (published) return auditedPublicationSet(db, reviewId).then((set) => set.results);
    const internal = internalResults(db, reviewId, { filters, by });
    if (!compareWith) return internal;
    const template = reviewTemplate(db, reviewId);
    // The earlier review under the same filters (a unit filter means the same unit then), never split.
    const meta = earlierReview(db, reviewId, compareWith, template);
    return { ...internal, comparison: compareResults(internal, internalResults(db, compareWith, { filters }), meta) };
  },
  'results.cases': ({ reviewId, questionId, answer, sex, filters, by, group }, { db }) => filesBehind(db, reviewId, { questionId, answer, sex, filters, by, group }),
};
