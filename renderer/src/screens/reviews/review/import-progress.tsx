import type { ImportProgress } from '../../../../../shared/contract/imports';
import { formatNumber } from '../../../../../shared/util/format-sv';

/** Where a running import is, in words: "Sparar akterna: 40 000 av 100 000". */
export function importProgressText(progress: ImportProgress): string {
  const of = `${formatNumber(progress.done)} av ${formatNumber(progress.total)}`;
  switch (progress.phase) {
    case 'queued':
      return 'Väntar på att en annan import blir klar…';
    case 'starting':
      return 'Startar importen…';
    case 'reading':
      return 'Läser filen…';
    case 'checking':
      return `Kontrollerar raderna: ${of}`;
    case 'writing':
      return `Sparar akterna: ${of}`;
    case 'done':
      return 'Importen är klar.';
  }
}

/** The bar under the preview while the import runs (the core answers `imports.progress`). */
export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const counted = progress.total > 0 && (progress.phase === 'checking' || progress.phase === 'writing');
  return (
    <div className="import-progress">
      <progress aria-label="Importens förlopp" max={counted ? progress.total : undefined} value={counted ? progress.done : undefined} />
      <span>{importProgressText(progress)}</span>
    </div>
  );
}
