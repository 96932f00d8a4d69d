import { MOVE_KEY_ADVICE, useReview } from '../../../state/review-store';

/** After a pseudonymised import: where the core wrote the key, and a way to save a copy while it is still in memory. */
export function KeyFileNotice() {
  const keyFile = useReview((s) => s.keyFile);
  if (!keyFile) return null;
  return (
    <div className="banner banner-warning" role="region" aria-label="Kodnyckel">
      <p>
        Kodnyckeln ({keyFile.lines.length} rader) skrevs till <code>{keyFile.writtenTo}</code>.{keyFile.besideDatabase ? ` ${MOVE_KEY_ADVICE}` : ''} Den finns inte i
        databasen – förvara filen säkert.
      </p>
      {keyFile.copySavedAs ? <p>En kopia sparades som {keyFile.copySavedAs}.</p> : null}
      <div className="button-row">
        <button type="button" onClick={() => void useReview.getState().saveKeyFileCopy()}>
          Spara en kopia av kodnyckeln…
        </button>
        <button type="button" onClick={() => useReview.getState().dismissKeyFile()}>
          Stäng
        </button>
      </div>
    </div>
  );
}
