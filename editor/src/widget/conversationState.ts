import type { ChatMessage } from './types';

/**
 * Who the customer is talking to after these messages: the agent who joined or last wrote,
 * until the conversation goes back to the bot or closes. `undefined` means "no change".
 */
export function talkingToAfter(messages: ChatMessage[], current: string | null): string | null {
  let who = current;
  for (const m of messages) {
    if (m.from === 'agent') who = m.agentName ?? who;
    else if (m.kind === 'event' && m.text === 'agentJoined') who = m.agentName ?? who;
    else if (m.kind === 'event' && (m.text === 'returnedToBot' || m.text === 'conversationClosed' || m.text === 'flowRemoved')) who = null;
  }
  return who;
}

/** Keeps each message once, in id order, whichever channel delivered it first. */
export class MessageLedger {
  private readonly seen = new Set<number>();
  private last = 0;

  constructor(lastId = 0) {
    this.last = lastId;
  }

  get lastId(): number {
    return this.last;
  }

  /** The messages not seen before, sorted; ids at or below a restored `lastId` count as seen. */
  accept(messages: ChatMessage[]): ChatMessage[] {
    const fresh = messages.filter((m) => !this.seen.has(m.id)).sort((a, b) => a.id - b.id);
    for (const m of fresh) {
      this.seen.add(m.id);
      if (m.id > this.last) this.last = m.id;
    }
    return fresh;
  }

  reset(): void {
    this.seen.clear();
    this.last = 0;
  }
}
