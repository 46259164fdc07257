/** What happened to a flow's live version; each instance drops what it cached about the flow. */
export type FlowChange = 'published' | 'rolledBack' | 'unpublished' | 'deleted';

export interface FlowChangeNotice {
  flowId: string;
  change: FlowChange;
}

/**
 * Cache invalidation for flows: a change announced on one instance reaches the listeners of
 * every instance (this one included, at once). In process by default; over Redis with REDIS_URL.
 */
export interface FlowChanges {
  announce(notice: FlowChangeNotice): void;
  subscribe(listener: (notice: FlowChangeNotice) => void): () => void;
}

export class LocalFlowChanges implements FlowChanges {
  private readonly listeners = new Set<(notice: FlowChangeNotice) => void>();

  announce(notice: FlowChangeNotice): void {
    notifyAll(this.listeners, notice);
  }

  subscribe(listener: (notice: FlowChangeNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** A listener that throws must not keep the others' caches stale. */
export function notifyAll(listeners: Iterable<(notice: FlowChangeNotice) => void>, notice: FlowChangeNotice): void {
  for (const listener of [...listeners]) {
    try {
      listener(notice);
    } catch {
      /* the listener's own failure; the next change or the cache's own expiry recovers it */
    }
  }
}
