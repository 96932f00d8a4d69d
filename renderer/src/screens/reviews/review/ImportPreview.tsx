import { useEffect, useRef } from 'react';
import type { TargetGroup } from '../../../../../shared/templates/schema';
import { CheckboxField } from '../../../components/CheckboxField';
import { useReview, type ImportSession } from '../../../state/review-store';
import { CASE_FIELD_NAMES, ENCODING_LABELS, sexLabel, ageBandLabel } from '../labels';
import { ColumnMapping } from './ColumnMapping';
import { ImportProgressBar } from './import-progress';
import { importButtonLabel, importPlan } from './import-plan';
import { akter, countOf, rader } from '../../../../../shared/util/plural-sv';

/** The dry run of a case list: what was recognised, the first rows, every rejected row; then import or not. */
export function ImportPreview({ session, targetGroup }: { session: ImportSession; targetGroup: TargetGroup }) {
  const busy = useReview((s) => s.busy);
  const progress = useReview((s) => s.importProgress);
  const { preview, fileName } = session;
  const ref = useRef<HTMLElement>(null);
  const valid = preview.rows - preview.rejected.length;
  const { setImportOptions, commitImport, cancelImport } = useReview.getState();
  const unknownUnits = preview.unknownUnits ?? [];
  const unknownRows = unknownUnits.reduce((n, u) => n + u.rows, 0);
  const mustChooseUnits = unknownUnits.length > 0 && !session.unknownUnits;
  const plan = importPlan(preview, session);

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
            {preview.rows} ({countOf(valid, 'giltig', 'giltiga')}, {countOf(preview.rejected.length, 'avvisad', 'avvisade')})
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
                  <th scope="col">Akt</th>
                  <th scope="col">Kolumn</th>
                  <th scope="col">Skäl</th>
                </tr>
              </thead>
              <tbody>
                {preview.rejected.map((r, i) => (
                  <tr key={i}>
                    <td className="num">{r.row}</td>
                    <td>{r.ref ?? '–'}</td>
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
                    <td>{ageBandLabel(c.ageBand)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {unknownUnits.length > 0 && (
        <fieldset className="radio-group alert banner-warning" aria-describedby="unknown-units-list">
          <legend>
            {rader(unknownRows)} från {unknownUnits.length === 1 ? 'en enhet' : `${unknownUnits.length} enheter`} som inte finns i granskningen
          </legend>
          <ul id="unknown-units-list">
            {unknownUnits.map((u) => (
              <li key={u.unit}>
                {u.unit}: {rader(u.rows)}
              </li>
            ))}
          </ul>
          <label>
            <input type="radio" name="unknown-units" checked={session.unknownUnits === 'add'} onChange={() => setImportOptions({ unknownUnits: 'add' })} /> Lägg till enheterna i granskningen
          </label>
          <label>
            <input type="radio" name="unknown-units" checked={session.unknownUnits === 'skip'} onChange={() => setImportOptions({ unknownUnits: 'skip' })} /> Hoppa över de raderna
          </label>
        </fieldset>
      )}
      {preview.existing > 0 && (
        <fieldset className="radio-group">
          <legend>{akter(preview.existing)} finns redan i granskningen</legend>
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
      {progress && <ImportProgressBar progress={progress} />}
      {mustChooseUnits && <p className="hint" id="import-choose-units">Välj först vad som ska hända med raderna från enheter som inte finns i granskningen.</p>}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={busy || mustChooseUnits || plan.imported + plan.updated === 0}
          aria-describedby={mustChooseUnits ? 'import-choose-units' : undefined}
          onClick={() => void commitImport()}
        >
          {importButtonLabel(plan)}
        </button>
        <button type="button" disabled={busy} onClick={cancelImport}>
          Avbryt
        </button>
      </div>
    </section>
  );
}
