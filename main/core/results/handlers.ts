import type { Database } from 'better-sqlite3';
import type { InternalResults } from '../../../shared/contract/results';
import type { ResultFilter, SplitField } from '../../../shared/contract/results-parts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../../shared/disclosure/suppress';
import { compareResults, publishComparison } from '../../../shared/results/compare';
import { deriveMeasures, measureQuestionIds } from '../../../shared/results/derived';
import { publishResults } from '../../../shared/results/publish';
import { answerOrder, isCategorical, shapeResults } from '../../../shared/results/shape';
import { fieldLabel, filterLabel } from '../../../shared/results/split-labels';
import type { Template } from '../../../shared/templates/schema';
import type { HandlerMap } from '../dispatch';
import { invalid } from '../errors';
import { reviewTemplate } from '../scoring/handlers';
import { answerGroups, answerValues, basisOf } from './aggregate';
import { filesBehind } from './drill-down';
import { availableDimensions, splitValuesOf, withoutRareAttributeValues } from './dimensions';
import { scopeOf } from './scope';

export interface ResultsQuery {
  filters?: readonly ResultFilter[];
  by?: SplitField;
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
    const scope = scopeOf(db, reviewId, template, filters, query.by);
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
  'results.get': ({ reviewId, published, threshold, filters, by, compareWith }, { db }) => {
    const internal = internalResults(db, reviewId, { filters, by });
    const template = reviewTemplate(db, reviewId);
    // The earlier review under the same filters (a unit filter means the same unit then), never split.
    const earlier = compareWith ? { meta: earlierReview(db, reviewId, compareWith, template), results: internalResults(db, compareWith, { filters }) } : null;
    const comparison = earlier && compareResults(internal, earlier.results, earlier.meta);
    if (!published) return { ...internal, comparison };
    const limit = threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
    const orders = new Map(template.questions.map((q) => [q.id, answerOrder(template, q)]));
    const shown = publishResults(internal, orders, limit);
    const result = { ...shown, split: { ...shown.split, dimensions: withoutRareAttributeValues(db, scopeOf(db, reviewId, template), shown.split.dimensions, limit) } };
    if (!earlier || !comparison) return result;
    const earlierTemplate = reviewTemplate(db, compareWith!);
    const earlierPublished = publishResults(earlier.results, new Map(earlierTemplate.questions.map((q) => [q.id, answerOrder(earlierTemplate, q)])), limit);
    return { ...result, comparison: publishComparison(comparison, result, earlierPublished) };
  },
  'results.cases': ({ reviewId, questionId, answer, sex, filters, by, group }, { db }) => filesBehind(db, reviewId, { questionId, answer, sex, filters, by, group }),
};
