import { parseFlowDocument, type FlowDocument } from '../../schema';

/** The part of a flow store the chat runtime reads: published versions only. */
export interface PublishedFlowSource {
  getLive(flowId: string): Promise<{ number: number; flow: unknown } | null>;
  getVersion(flowId: string, n: number): Promise<{ number: number; flow: unknown } | null>;
}

export interface LoadedVersion {
  flowId: string;
  number: number;
  flow: FlowDocument;
  /** Lets a turn skip asking who is online when the flow can never hand off. */
  hasHandoff: boolean;
}

export type VersionLoad = { ok: true; version: LoadedVersion } | { ok: false; reason: 'notFound' | 'invalid'; message: string };

/**
 * Published versions are immutable, so each is parsed once and kept: the engine caches its
 * index per flow object, and reusing the object keeps that cache warm across turns.
 */
export class FlowVersionCache {
  private readonly entries = new Map<string, LoadedVersion>();

  constructor(
    private readonly source: PublishedFlowSource,
    private readonly capacity = 500,
  ) {}

  /** The version new conversations start on; always asks the source, since publishing moves it. */
  async live(flowId: string): Promise<VersionLoad> {
    const live = await this.source.getLive(flowId);
    if (!live) return { ok: false, reason: 'notFound', message: `Flow ${flowId} is not published` };
    return this.remember(flowId, live.number, live.flow);
  }

  async version(flowId: string, n: number): Promise<VersionLoad> {
    const hit = this.entries.get(key(flowId, n));
    if (hit) {
      // Refresh recency so that busy flows stay cached.
      this.entries.delete(key(flowId, n));
      this.entries.set(key(flowId, n), hit);
      return { ok: true, version: hit };
    }
    const found = await this.source.getVersion(flowId, n);
    if (!found) return { ok: false, reason: 'notFound', message: `Flow ${flowId} has no version ${n}` };
    return this.remember(flowId, n, found.flow);
  }

  /** Drops every cached version of a deleted flow, so no conversation keeps running on it. */
  forget(flowId: string): void {
    for (const [k, version] of this.entries) if (version.flowId === flowId) this.entries.delete(k);
  }

  private remember(flowId: string, n: number, raw: unknown): VersionLoad {
    const k = key(flowId, n);
    const hit = this.entries.get(k);
    if (hit) return { ok: true, version: hit };
    const parsed = parseFlowDocument(raw);
    if (!parsed.ok) {
      const first = parsed.issues[0];
      return { ok: false, reason: 'invalid', message: `Version ${n} of flow ${flowId} does not load: ${first?.path} ${first?.message}` };
    }
    const version: LoadedVersion = {
      flowId,
      number: n,
      flow: parsed.flow,
      // A question or choice that gives up hands off too, unless the flow ends instead.
      hasHandoff: parsed.flow.nodes.some(
        (node) =>
          node.type === 'handoff' ||
          (parsed.flow.settings.afterRetries.action === 'handoff' && (node.type === 'question' || node.type === 'choice')),
      ),
    };
    this.entries.set(k, version);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return { ok: true, version };
  }
}

function key(flowId: string, n: number): string {
  return `${flowId}\u0000${n}`;
}
