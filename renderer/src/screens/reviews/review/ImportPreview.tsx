import { useEffect, useRef } from 'react';
import type { TargetGroup } from '../../../../../shared/templates/schema';
import { CheckboxField } from '../../../components/CheckboxField';
import { useReview, type ImportSession } from '../../../state/review-store';
import { CASE_FIELD_NAMES, ENCODING_LABELS, sexLabel } from '../labels';
import { ColumnMapping } from './ColumnMapping';

/** The dry run of a case list: what was recognised, the first rows, every rejected row; then import or not. */
export function ImportPreview({ session, targetGroup }: { session: ImportSession; targetGroup: TargetGroup }) {
  const busy = useReview((s) => s.busy);
  const { preview, fileName } = session;
  const ref = useRef<HTMLElement>(null);
  const valid = preview.rows - preview.rejected.length;
  const { setImportOptions, commitImport, cancelImport } = useReview.getState();

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <section className="import-preview" aria-labelledby="import-preview-heading" tabIndex={-1} ref={ref}>
      <h3 id="import-preview-heading">Förhandsgranskning: {fileName}</h3>
      <dl className="facts">
        <div>
          <dt>Teckenkodning</dt>
          <dd>{ENCODING_LABELS[preview.encoding] ?? preview.encoding}</dd>
        </div>
        <div>
          <dt>Avgränsare</dt>
          <dd>{preview.separator === ';' ? 'semikolon (;)' : preview.separator === ',' ? 'komma (,)' : preview.separator}</dd>
        </div>
        <div>
          <dt>Rader</dt>
          <dd>
            {preview.rows} ({valid} giltiga, {preview.rejected.length} avvisade)
          </dd>
        </div>
        <div>
          <dt>Finns redan</dt>
          <dd>{preview.existing}</dd>
        </div>
        <div>
          <dt>Enheter</dt>
          <dd>{preview.units.join(', ') || '–'}</dd>
        </div>
      </dl>
      <ColumnMapping session={session} />
      <h4>Igenkända kolumner</h4>
      <ul className="column-list">
        {Object.entries(preview.columns).map(([field, header]) => (
          <li key={field}>
            {CASE_FIELD_NAMES[field] ?? field}: kolumnen ”{header}”
          </li>
        ))}
        {preview.attributeColumns.length > 0 && <li>Övriga kolumner sparas som uppgifter om akten: {preview.attributeColumns.map((c) => `”${c}”`).join(', ')}</li>}
      </ul>
      {preview.rejected.length > 0 && (
        <div className="alert alert-error">
          <h4 id="rejected-heading">Avvisade rader ({preview.rejected.length})</h4>
          <div className="table-wrap">
            <table className="data-table" aria-labelledby="rejected-heading">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Rad
                  </th>
                  <th scope="col">Kolumn</th>
                  <th scope="col">Skäl</th>
                </tr>
              </thead>
              <tbody>
                {preview.rejected.map((r, i) => (
                  <tr key={i}>
                    <td className="num">{r.row}</td>
                    <td>{r.column ?? '–'}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {preview.preview.length > 0 && (
        <>
          <h4 id="preview-rows-heading">
            De första raderna ({preview.preview.length} av {valid})
          </h4>
          <div className="table-wrap">
            <table className="data-table" aria-labelledby="preview-rows-heading">
              <thead>
                <tr>
                  <th scope="col">Akt</th>
                  <th scope="col">Enhet</th>
                  <th scope="col">Kön</th>
                  <th scope="col">Åldersgrupp</th>
                </tr>
              </thead>
              <tbody>
                {preview.preview.map((c) => (
                  <tr key={c.ref}>
                    <td>{c.ref}</td>
                    <td>{c.unit}</td>
                    <td>{sexLabel(c.sex, targetGroup)}</td>
                    <td>{c.ageBand ?? 'okänd'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {preview.existing > 0 && (
        <fieldset className="radio-group">
          <legend>{preview.existing} akter finns redan i granskningen</legend>
          <label>
            <input type="radio" name="on-existing" checked={session.onExisting === 'skip'} onChange={() => setImportOptions({ onExisting: 'skip' })} /> Hoppa över dem
          </label>
          <label>
            <input type="radio" name="on-existing" checked={session.onExisting === 'update'} onChange={() => setImportOptions({ onExisting: 'update' })} /> Uppdatera dem
          </label>
        </fieldset>
      )}
      <CheckboxField
        id="import-pseudonymise"
        label="Pseudonymisera: ersätt aktnumren med koder"
        checked={session.pseudonymise}
        onChange={(v) => setImportOptions({ pseudonymise: v })}
        hint={
          window.bridge
            ? 'Kodnyckeln (kod och aktnummer) skrivs till en fil som du väljer innan akterna sparas. Den sparas inte i databasen och kan inte tas fram igen.'
            : 'Kodnyckeln (kod och aktnummer) skrivs till mappen Kodnycklar bredvid databasen innan akterna sparas; du får se var. Den sparas inte i databasen och kan inte tas fram igen.'
        }
      />
      {session.error && (
        <div className="alert alert-error" role="alert">
          <p>{session.error.message}</p>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={busy || valid === 0} onClick={() => void commitImport()}>
          {preview.rejected.length > 0 ? `Importera de ${valid} giltiga raderna` : `Importera ${valid} ${valid === 1 ? 'akt' : 'akter'}`}
        </button>
        <button type="button" disabled={busy} onClick={cancelImport}>
          {preview.rejected.length > 0 ? 'Importera inget' : 'Avbryt'}
        </button>
      </div>
    </section>
  );
}
