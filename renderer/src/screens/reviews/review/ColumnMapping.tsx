import type { CaseField } from '../../../../../shared/import/headers';
import { FieldIssues, describedBy } from '../../../components/FieldIssues';
import { placeIssues } from '../../../components/form-issues';
import { useReview, type ImportSession } from '../../../state/review-store';
import { CASE_FIELD_NAMES } from '../labels';

const FIELDS: CaseField[] = ['akt', 'enhet', 'personnummer', 'kon', 'alder', 'fodelsedatum'];
const REQUIRED = new Set<CaseField>(['akt', 'enhet']);

/** The mapping step: which column holds which field, prefilled from the recognised headers. */
export function ColumnMapping({ session }: { session: ImportSession }) {
  const busy = useReview((s) => s.busy);
  const { preview } = session;
  const missing = new Set(preview.missingFields);
  // A refused mapping ($.mapping.enhet) is shown at its own drop-down, as a missing column is.
  const placed = placeIssues(
    'cases.import',
    session.error?.issues,
    FIELDS.map((field) => ({ name: `mapping.${field}`, id: `map-${field}`, label: CASE_FIELD_NAMES[field] ?? field })),
  );
  return (
    <fieldset className="column-mapping">
      <legend>Kolumner</legend>
      {missing.size > 0 && (
        <p className="alert alert-error" role="alert">
          Välj vilken kolumn som innehåller {[...missing].map((f) => CASE_FIELD_NAMES[f] ?? f).join(' och ')}.
        </p>
      )}
      {FIELDS.map((field) => {
        const id = `map-${field}`;
        const current = session.mapping[field] ?? preview.columns[field] ?? '';
        const issues = [...(missing.has(field) ? [`Välj kolumnen som innehåller ${(CASE_FIELD_NAMES[field] ?? field).toLowerCase()}.`] : []), ...placed.at(`mapping.${field}`)];
        return (
          <div className="field" key={field}>
            <label htmlFor={id}>
              {CASE_FIELD_NAMES[field] ?? field}
              {REQUIRED.has(field) ? ' (krävs)' : ''}
            </label>
            <select
              id={id}
              value={current}
              disabled={busy}
              aria-invalid={issues.length > 0 || undefined}
              aria-describedby={describedBy(id, undefined, issues)}
              onChange={(e) => void useReview.getState().mapColumn(field, e.target.value)}
            >
              <option value="">– ingen kolumn –</option>
              {preview.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
            <FieldIssues id={`${id}-issues`} messages={issues} />
          </div>
        );
      })}
    </fieldset>
  );
}
