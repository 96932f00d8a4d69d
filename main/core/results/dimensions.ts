import type { Database } from 'better-sqlite3';
import type { SplitDimension, SplitField, SplitValue } from '../../../shared/contract/results-parts';
import { answerOrder, isCategorical } from '../../../shared/results/shape';
import { fieldLabel, valueLabel } from '../../../shared/results/split-labels';
import { AGE_BANDS } from '../../../shared/identity/age';
import type { Template } from '../../../shared/templates/schema';
import { invalid } from '../errors';
import type { Scope } from './scope';

/**
 * The dimensions the counted files offer for splits and filters, each with its values in display
 * order: units, age bands, the case list's attributes, and the answers of scale and single choice
 * questions. An attribute with more distinct values than MAX_ATTRIBUTE_VALUES (a free-text column,
 * a date) is not offered: a split into hundreds of groups of one is not a statistic.
 */
export const MAX_ATTRIBUTE_VALUES = 30;

const byLabel = new Intl.Collator('sv').compare;

export function availableDimensions(db: Database, scope: Scope, template: Template): SplitDimension[] {
  const values = (field: SplitField, list: (string | null)[]): SplitValue[] => list.map((value) => ({ value, label: valueLabel(template, field, value) }));
  const dimension = (field: SplitField, list: (string | null)[]): SplitDimension => ({ field, label: fieldLabel(template, field), values: values(field, list) });

  const files = (db.prepare(`SELECT COUNT(*) AS n FROM ${scope.from()}`).get(...scope.params) as { n: number }).n;
  const units = (db.prepare(`SELECT DISTINCT c.unit AS unit FROM ${scope.from()}`).all(...scope.params) as { unit: string }[]).map((r) => r.unit).sort(byLabel);
  const bands = new Set((db.prepare(`SELECT DISTINCT c.age_band AS band FROM ${scope.from()}`).all(...scope.params) as { band: string | null }[]).map((r) => r.band));
  const knownBands: (string | null)[] = AGE_BANDS[template.targetGroup].filter((b) => bands.has(b));
  const otherBands = [...bands].filter((b): b is string => b !== null && !knownBands.includes(b)).sort(byLabel);
  const attributeRows = db
    .prepare(`SELECT j.key AS key, j.value AS value, COUNT(*) AS n FROM ${scope.from(', json_each(c.attributes) j')} GROUP BY 1, 2`)
    .all(...scope.params) as { key: string; value: string; n: number }[];
  const attributes = new Map<string, { values: string[]; files: number }>();
  for (const row of attributeRows) {
    const entry = attributes.get(row.key) ?? { values: [], files: 0 };
    entry.values.push(String(row.value));
    entry.files += row.n;
    attributes.set(row.key, entry);
  }

  return [
    dimension('unit', units),
    dimension('ageBand', [...knownBands, ...otherBands, ...(bands.has(null) ? [null] : [])]),
    ...[...attributes]
      .filter(([, a]) => a.values.length <= MAX_ATTRIBUTE_VALUES)
      .sort(([a], [b]) => byLabel(a, b))
      .map(([key, a]) => dimension(`attribute:${key}`, [...a.values.sort(byLabel), ...(a.files < files ? [null] : [])])),
    ...template.questions
      .filter((q) => isCategorical(q) && !(q.type === 'choice' && q.multiple))
      .map((q) => dimension(`question:${q.id}`, [...answerOrder(template, q), null])),
  ];
}

/** The values of `by` among the dimensions, or VALIDATION naming what the files do not have. */
export function splitValuesOf(dimensions: readonly SplitDimension[], by: SplitField): SplitValue[] {
  const found = dimensions.find((d) => d.field === by);
  if (found) return found.values;
  const message = by.startsWith('attribute:')
    ? `Akterna har ingen uppgift "${by.slice('attribute:'.length)}" att dela upp efter (eller den har fler än ${MAX_ATTRIBUTE_VALUES} olika värden).`
    : `Det går inte att dela upp efter ${by}.`;
  throw invalid(message, [{ path: '$.by', message }]);
}
