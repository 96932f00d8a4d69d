import { formatNumber } from '../../../../shared/util/format-sv';

interface Props {
  /** What the figures on screen are: the marker says this, never the switch's state ahead of them. */
  published: boolean;
  /** The switch: the version asked for (its figures may still be on the way). */
  requested: boolean;
  /** The review's threshold: the publication set protects groups of fewer files (set once per review, changed with a logged reason). */
  threshold: number;
  onPublished(published: boolean): void;
}

/**
 * Which version the screen shows, impossible to miss: the internal figures (every count, for the
 * inspector's own work) or the review's publication set (what may leave), with the switch between them.
 */
export function ViewModeBar({ published, requested, threshold, onPublished }: Props) {
  return (
    <div className={`results-mode ${published ? 'results-mode-published' : 'results-mode-internal'}`} data-testid="results-mode">
      <p className="results-mode-marker">
        {published ? (
          <>
            <strong>Publicerad version</strong> – granskningens publiceringsunderlag (gräns {formatNumber(threshold)} akter)
          </>
        ) : (
          <>
            <strong>Internt</strong> – visa inte utanför förvaltningen
          </>
        )}
      </p>
      <div className="results-mode-controls">
        <label className="switch">
          <input type="checkbox" role="switch" checked={requested} onChange={(e) => onPublished(e.target.checked)} aria-describedby="results-mode-hint" />
          <span className="switch-track" aria-hidden="true" />
          <span>Visa publicerad version</span>
        </label>
      </div>
      <p id="results-mode-hint" className="hint">
        {published
          ? `Samma tal som i exporterna, tjänsteutlåtandet och bilaga 1. Grupper med färre än ${formatNumber(threshold)} akter redovisas inte och kan inte räknas fram; andelar visas där minst 10 svar är tillämpliga. Filter och uppdelningar finns i den interna vyn.`
          : 'Alla antal visas, även små. Klicka på ett antal för att se akterna bakom det.'}
      </p>
    </div>
  );
}
