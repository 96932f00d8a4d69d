import type { CaseField } from '../../../../../shared/import/headers';
import { useReview, type ImportSession } from '../../../state/review-store';
import { CASE_FIELD_NAMES } from '../labels';

const FIELDS: CaseField[] = ['akt', 'enhet', 'personnummer', 'kon', 'alder', 'fodelsedatum'];
const REQUIRED = new Set<CaseField>(['akt', 'enhet']);

/** The mapping step: which column holds which field, prefilled from the recognised headers. */
export function ColumnMapping({ session }: { session: ImportSession }) {
  const busy = useReview((s) => s.busy);
  const { preview } = session;
  const missing = new Set(preview.missingFields);
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
        return (
          <div className="field" key={field}>
            <label htmlFor={id}>
              {CASE_FIELD_NAMES[field] ?? field}
              {REQUIRED.has(field) ? ' (krävs)' : ''}
            </label>
            <select id={id} value={current} disabled={busy} aria-invalid={missing.has(field) || undefined} onChange={(e) => void useReview.getState().mapColumn(field, e.target.value)}>
              <option value="">– ingen kolumn –</option>
              {preview.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
