import { useLayoutEffect } from 'react';
import { hrefFor } from '../routing/routes';
import { useRoute } from '../routing/useRoute';
import { useStatusStore } from '../state/status-store';

/**
 * The frame's live region: saving state, confirmations and errors are read out politely. A message
 * belongs to the screen that raised it and is dropped when the user leaves that screen (before the
 * new screen is painted, so it is never seen under the wrong one).
 */
export function StatusRegion() {
  const screen = hrefFor(useRoute());
  const message = useStatusStore((s) => s.message);
  const kind = useStatusStore((s) => s.kind);
  useLayoutEffect(() => useStatusStore.getState().arrive(screen), [screen]);
  return (
    <div id="app-status" className={`app-status status-${kind}`} role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
