import { useEffect } from 'react';

/**
 * Calls `reload` when the user comes back to the window or tab: scoring may go on in another
 * window (or by a colleague), and the figures should be today's without a button press.
 */
export function useReloadOnReturn(reload: () => void): void {
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    window.addEventListener('focus', reload);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', reload);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload]);
}
