import { useEffect, useRef, useState } from 'react';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { FindingList } from './findings-store';
import { useFindings } from './findings-store';

/** How long typing in the search may pause before the list is fetched again. */
const SEARCH_DELAY_MS = 300;

/**
 * The findings' filter: a quality area and a unit (each with its number of findings) and words to
 * look for; and the export of what the filter leaves, as a csv file for Excel.
 */
export function FindingsFilter({ list, total }: { list: FindingList; total: number }) {
  const filter = useFindings((s) => s.filter);
  const filterError = useFindings((s) => s.filterError);
  const exporting = useFindings((s) => s.exporting);
  const [text, setText] = useState(filter.text);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const store = useFindings.getState;
  function search(value: string) {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void store().setFilter({ text: value }), SEARCH_DELAY_MS);
  }
  const unitTotal = list.units.reduce((sum, u) => sum + u.count, 0);

  return (
    <>
      <form className="findings-filter" aria-label="Urval av fynd" role="search" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="findings-area"
          label="Kvalitetsområde"
          value={filter.areaId}
          options={[{ value: '', label: `Alla områden (${total})` }, ...list.areas.map((a) => ({ value: a.areaId, label: `${a.name} (${a.count})` }))]}
          onChange={(areaId) => void store().setFilter({ areaId })}
        />
        <SelectField
          id="findings-unit"
          label="Enhet"
          value={filter.unit}
          options={[{ value: '', label: `Alla enheter (${unitTotal})` }, ...list.units.map((u) => ({ value: u.unit, label: `${u.unit} (${u.count})` }))]}
          onChange={(unit) => void store().setFilter({ unit })}
        />
        <TextField
          id="findings-text"
          label="Sök"
          value={text}
          onChange={search}
          onBlur={() => {
            clearTimeout(timer.current);
            if (text !== filter.text) void store().setFilter({ text });
          }}
          hint="I anteckningen, frågan, akten och var i akten."
          issues={filterError ? [filterError] : undefined}
        />
      </form>
      <div className="toolbar findings-export">
        <button type="button" disabled={exporting} onClick={() => void store().exportCsv()}>
          {exporting ? 'Skapar…' : 'Exportera till Excel (csv)'}
        </button>
        <p className="hint">Fynden med det urval som är valt, en rad per fynd (internt arbetsmaterial).</p>
      </div>
    </>
  );
}
