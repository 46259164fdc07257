import type { ChatCore } from './chatCore';

// Settings edits reach running widgets within this time.
const ORIGIN_CACHE_MS = 5_000;

/** Which web pages may embed a flow's widget, asked by the API's CORS and socket checks. */
export class ChatOrigins {
  private readonly cache = new Map<string, { origins: string[] | null; at: number }>();

  constructor(private readonly core: ChatCore) {}

  /** Forgets a deleted flow's answer at once rather than after ORIGIN_CACHE_MS. */
  forget(flowId: string): void {
    this.cache.delete(flowId);
  }

  /** The widget origins the flow accepts; null when the flow is unknown or unpublished. */
  async allowedOriginsForFlow(flowId: string): Promise<string[] | null> {
    const live = await this.core.versions.live(flowId);
    return live.ok ? live.version.flow.settings.allowedOrigins : null;
  }

  /**
   * Origins for a running conversation: the live version's list, else the one it runs on.
   * Asked on every cross-origin widget request, so the answer is kept for a few seconds.
   */
  async allowedOriginsForSession(sessionId: string): Promise<string[] | null> {
    const record = await this.core.store.get(sessionId);
    if (!record) return null;
    const now = this.core.now();
    const hit = this.cache.get(record.flowId);
    if (hit && now - hit.at < ORIGIN_CACHE_MS) return hit.origins;
    const live = await this.core.versions.live(record.flowId);
    const pinned = live.ok ? live : await this.core.versions.version(record.flowId, record.flowVersion);
    const origins = pinned.ok ? pinned.version.flow.settings.allowedOrigins : null;
    this.cache.set(record.flowId, { origins, at: now });
    return origins;
  }
}
