import { MAX_PUBLISH_THRESHOLD, MIN_PUBLISH_THRESHOLD } from '../../../../shared/contract/results';
import { formatNumber } from '../../../../shared/util/format-sv';

const THRESHOLDS = Array.from({ length: MAX_PUBLISH_THRESHOLD - MIN_PUBLISH_THRESHOLD + 1 }, (_, i) => MIN_PUBLISH_THRESHOLD + i);

interface Props {
  /** What the figures on screen are: the marker says this, never the switch's state ahead of them. */
  published: boolean;
  /** The switch: the version asked for (its figures may still be on the way). */
  requested: boolean;
  threshold: number;
  /** The threshold of the figures on screen (published view). */
  shownThreshold: number | null;
  onPublished(published: boolean): void;
  onThreshold(threshold: number): void;
}

/**
 * Which version the screen shows, impossible to miss: the internal figures (every count, for the
 * inspector's own work) or the published version (small counts hidden), with the switch between them.
 */
export function ViewModeBar({ published, requested, threshold, shownThreshold, onPublished, onThreshold }: Props) {
  return (
    <div className={`results-mode ${published ? 'results-mode-published' : 'results-mode-internal'}`} data-testid="results-mode">
      <p className="results-mode-marker">
        {published ? (
          <>
            <strong>Publicerad version</strong> – små tal dolda (gräns {formatNumber(shownThreshold ?? threshold)})
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
        {requested && (
          <label className="results-threshold">
            Gräns för små tal{' '}
            <select value={threshold} onChange={(e) => onThreshold(Number(e.target.value))}>
              {THRESHOLDS.map((t) => (
                <option key={t} value={t}>
                  {formatNumber(t)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p id="results-mode-hint" className="hint">
        {published
          ? `Antal från 1 till ${formatNumber((shownThreshold ?? threshold) - 1)} visas som ”–”, liksom tal som annars skulle gå att räkna ut; andelar visas bara när minst 10 svar är tillämpliga.`
          : 'Alla antal visas, även små. Klicka på ett antal för att se akterna bakom det.'}
      </p>
    </div>
  );
}
