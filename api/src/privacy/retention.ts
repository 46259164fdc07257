import type { Logger } from 'pino';
import type { ConversationStore } from '../../../runtime/src/chat/conversationStore';
import type { SettingsStore } from '../storage/settingsStore';
import type { AuditLog } from '../storage/auditLog';

export const DAY_MS = 86_400_000;

export interface RetentionDeps {
  store: ConversationStore;
  settings: SettingsStore;
  audit: AuditLog;
  logger: Logger;
  clock: () => number;
  /** How often the sweep runs; hourly by default. */
  intervalMs?: number;
  /** Conversations deleted per transaction; chat turns run in between batches. */
  batchSize?: number;
}

/**
 * Deletes conversations nobody touched for the organisation's `retentionDays`, with their
 * transcripts, variables and events; their counts survive in the daily aggregates. Runs on a
 * timer in small batches, yielding to the event loop between them, so chat turns never wait for
 * more than one batch's transaction.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly intervalMs: number;
  private readonly batchSize: number;

  constructor(private readonly deps: RetentionDeps) {
    this.intervalMs = deps.intervalMs ?? 60 * 60_000;
    this.batchSize = deps.batchSize ?? 100;
  }

  start(): void {
    if (this.timer) return;
    const tick = () => {
      void this.runOnce().finally(() => {
        if (this.timer) this.timer = setTimeout(tick, this.intervalMs).unref();
      });
    };
    // A first sweep soon after start, so a server restarted daily still sweeps.
    this.timer = setTimeout(tick, Math.min(this.intervalMs, 60_000)).unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One sweep; resolves to how many conversations it deleted. Never rejects. */
  runOnce(): Promise<number> {
    this.running ??= this.sweep().finally(() => (this.running = null));
    return this.running;
  }

  private async sweep(): Promise<number> {
    try {
      const { retentionDays } = await this.deps.settings.get();
      if (retentionDays === null || retentionDays === undefined) return 0;
      const cutoff = this.deps.clock() - retentionDays * DAY_MS;
      let deleted = 0;
      for (;;) {
        const ids = await this.deps.store.idleConversationsBefore(cutoff, this.batchSize);
        if (ids.length === 0) break;
        deleted += await this.deps.store.eraseConversations(ids);
        if (ids.length < this.batchSize) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (deleted > 0) {
        await this.deps.audit.append({
          at: this.deps.clock(),
          actor: { kind: 'system', id: null, name: 'retention' },
          action: 'retention.run',
          target: null,
          detail: { deleted, retentionDays, before: new Date(cutoff).toISOString() },
        });
        this.deps.logger.info({ deleted, retentionDays }, 'retention deleted old conversations');
      }
      return deleted;
    } catch (err) {
      this.deps.logger.error({ err }, 'the retention sweep failed; it runs again next time');
      return 0;
    }
  }
}
