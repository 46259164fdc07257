import { useEffect, useState } from 'react';

/** Longest wait for an idle moment on a busy machine before showing the deferred part anyway. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * True once the browser has had an idle moment after mount (or at once when `immediately`), so
 * secondary parts of a big page (the minimap of 1,000 nodes) do not delay its first paint.
 */
export function useAfterIdle(immediately = false): boolean {
  const [ready, setReady] = useState(immediately);
  useEffect(() => {
    if (ready) return;
    const done = () => setReady(true);
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(done, { timeout: IDLE_TIMEOUT_MS });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = window.setTimeout(done, 0);
    return () => window.clearTimeout(handle);
  }, [ready]);
  return ready;
}
