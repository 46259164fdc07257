import type { Logger } from 'pino';
import type { ChatEvents, CustomerEvent, InboxEvent, Unsubscribe } from '../../../runtime/src/chat/chatEvents';
import type { RedisConnection } from './redisConnection';

/** What travels on a channel: the event and the instance that published it. */
interface Envelope {
  from: string;
  event: unknown;
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

  constructor(
    private readonly redis: RedisConnection,
    private readonly logger: Logger,
  ) {
    this.inboxChannel = `${redis.prefix}events:inbox`;
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

  private publish(channel: string, event: CustomerEvent | InboxEvent): void {
    const envelope: Envelope = { from: this.redis.instanceId, event };
    // Through a promise, so a client that throws at once (closed) fails the same way as one that rejects.
    Promise.resolve()
      .then(() => this.redis.commands.publish(channel, JSON.stringify(envelope)))
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
      let envelope: Envelope;
      try {
        envelope = JSON.parse(raw) as Envelope;
      } catch (err) {
        this.logger.error({ err, channel }, 'Ignored a malformed chat event from Redis');
        return;
      }
      // This instance delivered its own events when publishing.
      if (envelope.from === this.redis.instanceId) return;
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
