import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type KnowledgeSource } from '../api';

export type SourcesLoad = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; sources: KnowledgeSource[] };

/** How often the list is read again while a source is still being indexed. */
export const INDEXING_POLL_MS = 1500;

/**
 * The organisation's knowledge sources, read again every moment while any is `indexing`, so the
 * passage count appears without a reload once the background indexing is done.
 */
export function useKnowledgeSources() {
  const [load, setLoad] = useState<SourcesLoad>({ status: 'loading' });
  const alive = useRef(true);

  const refresh = useCallback(async () => {
    try {
      const sources = await api.knowledge.list();
      if (alive.current) setLoad({ status: 'ready', sources });
    } catch (error) {
      // A failed poll keeps the list on screen; only the first read shows the error.
      if (alive.current) setLoad((prev) => (prev.status === 'ready' ? prev : { status: 'error', error }));
    }
  }, []);

  const retry = useCallback(() => {
    setLoad({ status: 'loading' });
    void refresh();
  }, [refresh]);

  useEffect(() => {
    alive.current = true;
    void refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh]);

  const indexing = load.status === 'ready' && load.sources.some((s) => s.status === 'indexing');
  useEffect(() => {
    if (!indexing) return;
    const timer = setInterval(() => void refresh(), INDEXING_POLL_MS);
    return () => clearInterval(timer);
  }, [indexing, refresh]);

  return { load, refresh, retry };
}
