import { useStatusStore } from '../state/status-store';

/** The frame's live region: saving state, confirmations and errors are read out politely. */
export function StatusRegion() {
  const message = useStatusStore((s) => s.message);
  const kind = useStatusStore((s) => s.kind);
  return (
    <div id="app-status" className={`app-status status-${kind}`} role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
