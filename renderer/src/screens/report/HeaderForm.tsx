import { REPORT_FONTS, type ReportHeader } from '../../../../shared/contract/report-model';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { replaced, without } from '../../state/report-edits';
import { useReport } from '../../state/report-store';
import { announce } from '../../state/status-store';
import { headerFieldId, messagesAt, officerFieldId } from './report-issues';
import { useReportIssues } from './useReportIssues';

type LineField = 'to' | 'date' | 'dnr' | 'title' | 'subtitle' | 'administration' | 'department';

const LINE_FIELDS: { field: LineField; label: string; hint?: string; type?: 'date'; className?: string }[] = [
  { field: 'title', label: 'Titel', className: 'grow' },
  { field: 'subtitle', label: 'Undertitel', className: 'grow' },
  { field: 'to', label: 'Till', hint: 'Oftast Socialnämnden.' },
  { field: 'date', label: 'Datum', type: 'date', hint: 'Nämndsammanträdets datum.' },
  { field: 'dnr', label: 'Dnr' },
  { field: 'administration', label: 'Förvaltning' },
  { field: 'department', label: 'Avdelning' },
];

/** The memo's first page: handläggare with phone numbers, Till, date, Dnr, title and subtitle, and the font. */
export function HeaderForm({ editable }: { editable: boolean }) {
  const header = useReport((s) => s.draft!.header);
  const issues = useReportIssues();
  const { edit, flush } = useReport.getState();
  const set = (change: Partial<ReportHeader>) => edit((d) => ({ ...d, header: { ...d.header, ...change } }));
  const saveNow = () => void flush();
  const at = (path: string) => messagesAt(issues, `$.draft.header.${path}`);

  return (
    <section className="panel report-header-form" aria-labelledby="report-header-heading">
      <h2 id="report-header-heading">Sidhuvud och titel</h2>
      <div className="field-row">
        {LINE_FIELDS.map(({ field, label, hint, type, className }) => (
          <TextField
            key={field}
            id={headerFieldId(field)}
            label={label}
            hint={hint}
            type={type}
            className={className}
            value={header[field]}
            onChange={(value) => set({ [field]: value })}
            onBlur={saveNow}
            issues={at(field)}
          />
        ))}
        <SelectField
          id={headerFieldId('font')}
          label="Typsnitt"
          value={header.font}
          options={REPORT_FONTS.map((f) => ({ value: f, label: f }))}
          onChange={(font) => {
            set({ font: font as ReportHeader['font'] });
            saveNow();
          }}
          issues={at('font')}
        />
      </div>
      <h3>Handläggare</h3>
      {header.officers.length === 0 && <p className="hint">Inga handläggare angivna.</p>}
      <ul className="report-officers">
        {header.officers.map((officer, i) => (
          <li key={i} className="field-row">
            <TextField
              id={officerFieldId(i, 'name')}
              label={`Handläggare ${i + 1}, namn`}
              value={officer.name}
              onChange={(name) => set({ officers: replaced(header.officers, i, { ...officer, name }) })}
              onBlur={saveNow}
              issues={at(`officers[${i}].name`)}
            />
            <TextField
              id={officerFieldId(i, 'phone')}
              label={`Handläggare ${i + 1}, telefon`}
              className="narrow"
              value={officer.phone ?? ''}
              onChange={(phone) => set({ officers: replaced(header.officers, i, phone === '' ? { name: officer.name } : { ...officer, phone }) })}
              onBlur={saveNow}
              issues={at(`officers[${i}].phone`)}
            />
            {editable && (
            <button
              type="button"
              className="small danger-outline report-row-remove"
              onClick={() => {
                set({ officers: without(header.officers, i) });
                saveNow();
                announce(`Handläggare ${i + 1} togs bort.`);
              }}
            >
              Ta bort handläggare {i + 1}
            </button>
            )}
          </li>
        ))}
      </ul>
      {editable && header.officers.length < 10 && (
        <button
          type="button"
          onClick={() => {
            set({ officers: [...header.officers, { name: '' }] });
            requestAnimationFrame(() => document.getElementById(officerFieldId(header.officers.length, 'name'))?.focus());
          }}
        >
          Lägg till handläggare
        </button>
      )}
    </section>
  );
}
