import type { InputRequest, SessionStatus } from '../engine/types';
import type { HandoffStatus } from './conversationStore';
import type { InboxMessage, TranscriptMessage } from './messages';

/** What a customer's live channel carries. */
export type CustomerEvent =
  | { type: 'message'; message: TranscriptMessage }
  | { type: 'typing'; from: 'agent' | 'bot'; typing: boolean }
  | { type: 'status'; status: SessionStatus; input: InputRequest }
  /**
   * An "Answer from knowledge" step's answer as it streams in: the whole visible text so far
   * (not a delta, so a missed event loses nothing); null withdraws it. The stored message follows.
   */
  | { type: 'answerDraft'; nodeId: string; text: string | null };

/** What the agents' live channel carries. */
export type InboxEvent =
  /** A conversation entered, moved within or left the queue; agents refresh that row. */
  | { type: 'queue'; sessionId: string; status: HandoffStatus; queue: string; assignedAgentId: string | null }
  | { type: 'message'; sessionId: string; assignedAgentId: string | null; message: InboxMessage }
  | { type: 'typing'; sessionId: string; assignedAgentId: string | null; typing: boolean };

export type Unsubscribe = () => void;

/**
 * Live updates between whoever changes a conversation and whoever watches it. In-memory for a
 * single process; a Redis implementation carries the same events between instances.
 */
export interface ChatEvents {
  publishCustomer(sessionId: string, event: CustomerEvent): void;
  subscribeCustomer(sessionId: string, listener: (event: CustomerEvent) => void): Unsubscribe;
  publishInbox(event: InboxEvent): void;
  subscribeInbox(listener: (event: InboxEvent) => void): Unsubscribe;
}

export class InMemoryChatEvents implements ChatEvents {
  private readonly customers = new Map<string, Set<(event: CustomerEvent) => void>>();
  private readonly inbox = new Set<(event: InboxEvent) => void>();

  publishCustomer(sessionId: string, event: CustomerEvent): void {
    const listeners = this.customers.get(sessionId);
    if (!listeners) return;
    for (const listener of listeners) deliver(listener, event);
  }

  subscribeCustomer(sessionId: string, listener: (event: CustomerEvent) => void): Unsubscribe {
    let listeners = this.customers.get(sessionId);
    if (!listeners) {
      listeners = new Set();
      this.customers.set(sessionId, listeners);
    }
    listeners.add(listener);
    return () => {
      const current = this.customers.get(sessionId);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.customers.delete(sessionId);
    };
  }

  publishInbox(event: InboxEvent): void {
    for (const listener of this.inbox) deliver(listener, event);
  }

  subscribeInbox(listener: (event: InboxEvent) => void): Unsubscribe {
    this.inbox.add(listener);
    return () => this.inbox.delete(listener);
  }
}

// One faulty subscriber (a socket that just died) must not stop delivery to the others.
function deliver<E>(listener: (event: E) => void, event: E): void {
  try {
    listener(event);
  } catch {
    /* the subscriber's own cleanup handles its failure */
  }
}
