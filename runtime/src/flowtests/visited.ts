import type { Effect } from '../engine/types';

export interface VisitedHandle {
  nodeId: string;
  handle: string;
}

/** What one conversation went through, for path coverage. */
export interface Visited {
  /** In the order first entered. */
  nodeIds: string[];
  handles: VisitedHandle[];
}

/**
 * Collects visited nodes and output handles turn by turn. The engine's `nodeEntered` event
 * names the node and handle the edge it came by leaves, so every handle recorded was taken.
 */
export class VisitRecorder {
  private readonly nodes = new Set<string>();
  private readonly handles = new Map<string, VisitedHandle>();

  recordTurn(effects: readonly Effect[]): void {
    for (const effect of effects) {
      if (effect.type !== 'event' || effect.event.name !== 'nodeEntered') continue;
      const { nodeId, data } = effect.event;
      if (nodeId !== undefined) this.nodes.add(nodeId);
      const from = data?.fromNodeId;
      const handle = data?.viaHandle;
      if (typeof from !== 'string' || typeof handle !== 'string') continue;
      const key = `${from}\u0000${handle}`;
      if (!this.handles.has(key)) this.handles.set(key, { nodeId: from, handle });
    }
  }

  result(): Visited {
    return { nodeIds: [...this.nodes], handles: [...this.handles.values()] };
  }
}
