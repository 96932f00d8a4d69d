import { useEffect } from 'react';
import { useScoring } from '../../state/scoring-store';

/**
 * A note typed just before a reload, a closed tab or a switch to another program is saved: the
 * typing pause is not waited for. The requests are sent `keepalive`, so in browser mode they
 * outlive the page (an ordinary fetch is cancelled with it). Leaving the screen inside the app
 * flushes on unmount (ScoringScreen); a field's blur flushes that field.
 */
export function useFlushOnLeave(): void {
  useEffect(() => {
    const flush = () => void useScoring.getState().flushAll({ keepalive: true });
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
