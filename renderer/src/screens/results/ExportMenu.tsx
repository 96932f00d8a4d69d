import type { ExportFormat } from '../../state/results-store';

const FORMATS: { format: ExportFormat; label: string; internalOnly?: boolean }[] = [
  { format: 'xlsx', label: 'Excel (.xlsx)' },
  { format: 'csv', label: 'CSV för Excel (.csv)' },
  // The analyst's long format (area,question,unit,sex,age_band,answer,count) has cells the publication set does not print.
  { format: 'tidy', label: 'CSV för analys, långt format (.csv)', internalOnly: true },
];

/** "Exportera": the results as a file, in the version the screen shows (internal or published). */
export function ExportMenu({ published, exporting, onExport }: { published: boolean; exporting: ExportFormat | null; onExport(format: ExportFormat): void }) {
  return (
    <details className="results-export">
      <summary>Exportera</summary>
      <div className="results-export-menu">
        <p className="hint">{published ? 'Granskningens publiceringsunderlag: samma tal som tjänsteutlåtandet och bilaga 1.' : 'Den interna versionen (alla antal, och i Excel varje akts svar), med de filter som är valda.'}</p>
        <div className="button-row">
          {FORMATS.filter((f) => !published || !f.internalOnly).map(({ format, label }) => (
            <button key={format} type="button" disabled={exporting !== null} onClick={() => onExport(format)}>
              {exporting === format ? 'Skapar…' : label}
            </button>
          ))}
        </div>
      </div>
    </details>
  );
}
