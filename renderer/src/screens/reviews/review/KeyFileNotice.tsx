import { KEY_FILE_NAME, useReview } from '../../../state/review-store';

/** After a pseudonymised import: where the key went, and a second chance to save it while it is still in memory. */
export function KeyFileNotice() {
  const keyFile = useReview((s) => s.keyFile);
  if (!keyFile) return null;
  return (
    <div className="banner banner-warning" role="region" aria-label="Kodnyckel">
      <p>
        {keyFile.savedAs ? `Kodnyckeln (${keyFile.lines.length} rader) sparades som ${keyFile.savedAs}.` : `Kodnyckeln (${keyFile.lines.length} rader) är inte sparad.`} Den finns
        inte kvar i databasen – förvara filen säkert.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void useReview.getState().saveKeyFile()}>
          Spara {KEY_FILE_NAME} igen
        </button>
        <button type="button" onClick={() => useReview.getState().dismissKeyFile()}>
          Stäng
        </button>
      </div>
    </div>
  );
}
