import type { MessageLink } from '../schema/nodes/message';
import type { Output } from '../engine/types';

export type MessageSender = 'bot' | 'agent' | 'customer' | 'system';
export type MessageKind = 'text' | 'image' | 'links' | 'event';
/**
 * What the store keeps: the public kinds plus agents' internal notes. Notes never leave the
 * inbox, so the customer-facing `TranscriptMessage` cannot even express one.
 */
export type StoredMessageKind = MessageKind | 'note';

/**
 * Machine codes carried in `text` of `kind: 'event'` messages, so each UI can word them in its
 * own language.
 */
export type SystemEventCode = 'agentJoined' | 'returnedToBot' | 'conversationClosed' | 'sessionExpired' | 'handoffRequested' | 'flowRemoved';

/** A message as the store receives it, before it gets its per-conversation id. */
export interface NewMessage {
  from: MessageSender;
  kind: StoredMessageKind;
  text?: string;
  url?: string;
  alt?: string;
  links?: MessageLink[];
  agentName?: string;
  /** Epoch milliseconds. */
  at: number;
}

export interface StoredMessage extends NewMessage {
  /** Monotonic per conversation, starting at 1; `after=N` in the API counts on it. */
  id: number;
}

/** The public transcript shape (what the widget and the inbox receive). */
export interface TranscriptMessage {
  id: number;
  from: MessageSender;
  kind: MessageKind;
  text?: string;
  url?: string;
  alt?: string;
  links?: MessageLink[];
  agentName?: string;
  at: string;
}

/** What agents see: the public transcript plus internal notes. */
export interface InboxMessage extends Omit<TranscriptMessage, 'kind'> {
  kind: StoredMessageKind;
}

/** The customer's view of stored messages: internal notes are left out. */
export function toCustomerTranscript(messages: StoredMessage[]): TranscriptMessage[] {
  const out: TranscriptMessage[] = [];
  for (const m of messages) {
    if (m.kind !== 'note') out.push(toTranscript({ ...m, kind: m.kind }));
  }
  return out;
}

export function toTranscript(m: StoredMessage & { kind: MessageKind }): TranscriptMessage {
  return toInboxMessage(m) as TranscriptMessage;
}

export function toInboxMessage(m: StoredMessage): InboxMessage {
  const out: InboxMessage = { id: m.id, from: m.from, kind: m.kind, at: new Date(m.at).toISOString() };
  if (m.text !== undefined) out.text = m.text;
  if (m.url !== undefined) out.url = m.url;
  if (m.alt !== undefined) out.alt = m.alt;
  if (m.links !== undefined) out.links = m.links;
  if (m.agentName !== undefined) out.agentName = m.agentName;
  return out;
}

export function outputToMessage(output: Output, at: number): NewMessage {
  switch (output.type) {
    case 'text':
      return { from: 'bot', kind: 'text', text: output.text, at };
    case 'image':
      return { from: 'bot', kind: 'image', url: output.url, alt: output.alt, at };
    case 'links':
      return { from: 'bot', kind: 'links', links: output.links, at };
  }
}

export function systemMessage(code: SystemEventCode, at: number, agentName?: string): NewMessage {
  return agentName === undefined
    ? { from: 'system', kind: 'event', text: code, at }
    : { from: 'system', kind: 'event', text: code, agentName, at };
}
