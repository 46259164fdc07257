import { useCallback, useEffect, useState } from 'react';
import { api, isApiError, type AnalyticsConversation, type ConversationListFilters } from '../../api';

export type ListLoad =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      rows: AnalyticsConversation[];
      nextCursor: string | null;
      /** How far back the last request looked, when more are left. */
      scannedTo: string | null;
      loadingMore: boolean;
    };

/** The first page for the filters (reloaded when they change), and `loadMore` for older ones. */
export function useConversationList(flowId: string, filters: ConversationListFilters, failed: string): { load: ListLoad; loadMore: () => void } {
  const key = JSON.stringify(filters);
  const [load, setLoad] = useState<ListLoad>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    setLoad({ status: 'loading' });
    api.conversationList.page(flowId, JSON.parse(key) as ConversationListFilters).then(
      (page) => live && setLoad({ status: 'ready', rows: page.conversations, nextCursor: page.nextCursor, scannedTo: page.scannedTo, loadingMore: false }),
      (err: unknown) => live && setLoad({ status: 'error', message: isApiError(err) ? err.message : failed }),
    );
    return () => {
      live = false;
    };
  }, [flowId, key, failed]);

  const loadMore = useCallback(() => {
    if (load.status !== 'ready' || load.nextCursor === null || load.loadingMore) return;
    const current = load;
    setLoad({ ...current, loadingMore: true });
    api.conversationList.page(flowId, JSON.parse(key) as ConversationListFilters, current.nextCursor!).then(
      (page) =>
        setLoad((now) =>
          // Filters changed meanwhile: this page belongs to the old list.
          now.status === 'ready' && now.nextCursor === current.nextCursor
            ? { status: 'ready', rows: [...now.rows, ...page.conversations], nextCursor: page.nextCursor, scannedTo: page.scannedTo, loadingMore: false }
            : now,
        ),
      (err: unknown) => setLoad({ status: 'error', message: isApiError(err) ? err.message : failed }),
    );
  }, [flowId, key, load, failed]);

  return { load, loadMore };
}
