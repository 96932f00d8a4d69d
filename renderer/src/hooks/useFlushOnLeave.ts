import { useEffect } from 'react';

/**
 * What was typed just before a reload, a closed tab or a switch to another program is saved: the
 * typing pause is not waited for. `flush` is called with `keepalive: true`, so in browser mode its
 * requests outlive the page (an ordinary fetch is cancelled with it). With `onUnmount`, leaving the
 * screen inside the app flushes too (without keepalive: the page stays). Pass a stable function
 * (one defined outside the component): the listeners are registered again when it changes.
 */
export function useFlushOnLeave(flush: (options: { keepalive?: boolean }) => unknown, { onUnmount = false } = {}): void {
  useEffect(() => {
    const onLeave = () => void flush({ keepalive: true });
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onLeave();
    };
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('beforeunload', onLeave);
      document.removeEventListener('visibilitychange', onVisibility);
      if (onUnmount) void flush({});
    };
  }, [flush, onUnmount]);
}
