import type { Logger } from 'pino';
import type { ChatEvents, CustomerEvent, InboxEvent, Unsubscribe } from '../../../runtime/src/chat/chatEvents';
import { withDeadline, type RedisConnection } from './redisConnection';

/**
 * What travels on a channel: the instance that published it (always first, see `ownPrefix`), and
 * one event, or several published to the channel one after the other in the same task (a turn's
 * messages and its status), in order.
 */
type Envelope = { from: string; event: unknown } | { from: string; events: unknown[] };

/** Events waiting for the end of the current task, per run of one channel. */
interface Pending {
  channel: string;
  events: (CustomerEvent | InboxEvent)[];
}

/**
 * Live chat events between instances over Redis pub/sub. This instance's own listeners get an
 * event at once, in process (so one instance works even while Redis is away); the other
 * instances get it through their subscriber connection, which subscribes to a customer's channel
 * only while a listener of that conversation is connected here.
 */
export class RedisChatEvents implements ChatEvents {
  private readonly customers = new Map<string, Set<(event: CustomerEvent) => void>>();
  private readonly inbox = new Set<(event: InboxEvent) => void>();
  private readonly inboxChannel: string;
  /** The subscriber callback per channel this instance listens to. */
  private readonly handlers = new Map<string, (raw: string) => void>();
  // Lost publications are logged once per outage, not once per event.
  private publishFailing = false;
  private pending: Pending[] = [];
  /** How this instance's own envelopes start, so they are dropped without being parsed. */
  private readonly ownPrefix: string;

  constructor(
    private readonly redis: RedisConnection,
    private readonly logger: Logger,
  ) {
    this.inboxChannel = `${redis.prefix}events:inbox`;
    this.ownPrefix = `{"from":${JSON.stringify(redis.instanceId)},`;
  }

  publishCustomer(sessionId: string, event: CustomerEvent): void {
    deliverAll(this.customers.get(sessionId), event);
    this.publish(this.customerChannel(sessionId), event);
  }

  subscribeCustomer(sessionId: string, listener: (event: CustomerEvent) => void): Unsubscribe {
    let listeners = this.customers.get(sessionId);
    if (!listeners) {
      listeners = new Set();
      this.customers.set(sessionId, listeners);
      this.listen(this.customerChannel(sessionId), (event) => deliverAll(this.customers.get(sessionId), event as CustomerEvent));
    }
    listeners.add(listener);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const current = this.customers.get(sessionId);
      if (!current) return;
      current.delete(listener);
      if (current.size > 0) return;
      this.customers.delete(sessionId);
      this.stopListening(this.customerChannel(sessionId));
    };
  }

  publishInbox(event: InboxEvent): void {
    deliverAll(this.inbox, event);
    this.publish(this.inboxChannel, event);
  }

  subscribeInbox(listener: (event: InboxEvent) => void): Unsubscribe {
    if (this.inbox.size === 0) this.listen(this.inboxChannel, (event) => deliverAll(this.inbox, event as InboxEvent));
    this.inbox.add(listener);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (this.inbox.delete(listener) && this.inbox.size === 0) this.stopListening(this.inboxChannel);
    };
  }

  private customerChannel(sessionId: string): string {
    return `${this.redis.prefix}events:customer:${sessionId}`;
  }

  /**
   * Published at the end of the current task, consecutive events of one channel in one message:
   * a turn's messages and status cost one PUBLISH, and one message for each listening instance
   * to read, instead of one per event. The order of all events stays as published.
   */
  private publish(channel: string, event: CustomerEvent | InboxEvent): void {
    const last = this.pending.at(-1);
    if (last?.channel === channel) {
      last.events.push(event);
      return;
    }
    if (this.pending.length === 0) queueMicrotask(() => this.flush());
    this.pending.push({ channel, events: [event] });
  }

  private flush(): void {
    const batches = this.pending;
    this.pending = [];
    for (const { channel, events } of batches) {
      const envelope: Envelope =
        events.length === 1 ? { from: this.redis.instanceId, event: events[0] } : { from: this.redis.instanceId, events };
      let message: string;
      try {
        message = JSON.stringify(envelope);
      } catch (err) {
        // Thrown here it would end the process (no caller is left to catch it).
        this.logger.error({ err, channel }, 'A chat event could not be serialised; other instances miss it');
        continue;
      }
      this.send(channel, message);
    }
  }

  private send(channel: string, message: string): void {
    // Through a promise, so a client that throws at once (closed) fails the same way as one that rejects.
    Promise.resolve()
      .then(() => withDeadline(this.redis.turnCommands.publish(channel, message)))
      .then(
      () => {
        if (this.publishFailing) this.logger.info('Publishing chat events to Redis works again');
        this.publishFailing = false;
      },
      (err: unknown) => {
        if (this.publishFailing) return;
        this.publishFailing = true;
        this.logger.error({ err }, 'Publishing a chat event to Redis failed; other instances miss it until their clients reconnect');
      },
    );
  }

  private listen(channel: string, deliver: (event: unknown) => void): void {
    const onMessage = (raw: string) => {
      // This instance delivered its own events when publishing.
      if (raw.startsWith(this.ownPrefix)) return;
      let envelope: Envelope;
      try {
        envelope = JSON.parse(raw) as Envelope;
      } catch (err) {
        this.logger.error({ err, channel }, 'Ignored a malformed chat event from Redis');
        return;
      }
      if (envelope === null || typeof envelope !== 'object' || envelope.from === this.redis.instanceId) return;
      if ('events' in envelope) {
        if (Array.isArray(envelope.events)) for (const event of envelope.events) deliver(event);
        return;
      }
      deliver(envelope.event);
    };
    this.handlers.set(channel, onMessage);
    this.redis.subscriber.subscribe(channel, onMessage).catch((err: unknown) => {
      this.logger.error({ err, channel }, 'Subscribing to chat events in Redis failed');
    });
  }

  private stopListening(channel: string): void {
    const handler = this.handlers.get(channel);
    if (!handler) return;
    this.handlers.delete(channel);
    this.redis.subscriber.unsubscribe(channel, handler).catch((err: unknown) => {
      this.logger.error({ err, channel }, 'Unsubscribing from chat events in Redis failed');
    });
  }
}

// One faulty subscriber (a socket that just died) must not stop delivery to the others.
function deliverAll<E>(listeners: Set<(event: E) => void> | undefined, event: E): void {
  if (!listeners) return;
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch {
      /* the subscriber's own cleanup handles its failure */
    }
  }
}
