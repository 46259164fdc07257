import type { Logger } from 'pino';
import { z } from 'zod';
import { notifyAll, type FlowChangeNotice, type FlowChanges } from '../scaleOut/flowChanges';
import type { RedisConnection } from './redisConnection';

const noticeSchema = z.object({
  from: z.string(),
  flowId: z.string().min(1).max(200),
  change: z.enum(['published', 'rolledBack', 'unpublished', 'deleted']),
});

/**
 * Flow cache invalidation between instances: one channel every instance listens to from start to
 * shutdown. The announcing instance notifies its own listeners at once; the others as soon as
 * Redis delivers (well under the time a person takes to switch to another tab).
 */
export class RedisFlowChanges implements FlowChanges {
  private readonly listeners = new Set<(notice: FlowChangeNotice) => void>();
  private readonly channel: string;
  /** Resolves once this instance listens, so a start-up does not miss a change announced meanwhile. */
  readonly ready: Promise<void>;

  constructor(
    private readonly redis: RedisConnection,
    private readonly logger: Logger,
  ) {
    this.channel = `${redis.prefix}invalidate:flows`;
    this.ready = redis.subscriber.subscribe(this.channel, (raw: string) => this.received(raw)).catch((err: unknown) => {
      logger.error({ err }, 'Listening for flow changes in Redis failed');
    });
  }

  announce(notice: FlowChangeNotice): void {
    notifyAll(this.listeners, notice);
    Promise.resolve()
      .then(() => this.redis.commands.publish(this.channel, JSON.stringify({ from: this.redis.instanceId, ...notice })))
      .catch((err: unknown) => {
        // Another instance then keeps a deleted flow's versions until it restarts; say so.
        this.logger.error({ err, ...notice }, 'Telling the other instances about a flow change failed');
      });
  }

  subscribe(listener: (notice: FlowChangeNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private received(raw: string): void {
    let parsed;
    try {
      parsed = noticeSchema.safeParse(JSON.parse(raw));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      this.logger.error('Ignored a malformed flow change from Redis');
      return;
    }
    const { from, flowId, change } = parsed.data;
    if (from === this.redis.instanceId) return;
    notifyAll(this.listeners, { flowId, change });
  }
}
