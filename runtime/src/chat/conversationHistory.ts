import type { VariableValue } from '../schema/common';
import type { SessionStatus } from '../engine/types';
import type { ConversationRecord, ConversationSearch, ConversationStore } from './conversationStore';
import { ChatError } from './chatError';
import { toInboxItem, type InboxItem } from './inboxView';
import { toInboxMessage, type InboxMessage } from './messages';
import type { MaskSettings } from '../schema/privacySettings';
import { maskVariables } from './maskTurn';

/** One row of a history search. */
export interface ConversationSummary {
  sessionId: string;
  flowId: string;
  flowName: string;
  flowVersion: number;
  status: SessionStatus;
  startedAt: string;
  updatedAt: string;
  messageCount: number;
  /** The matching message text, or the customer's last words when there was no text query. */
  excerpt: string | null;
  /** The handoff, when the conversation reached an agent queue. */
  handoff: InboxItem | null;
}

export interface ConversationTranscript {
  conversation: ConversationSummary & { variables: Record<string, VariableValue> };
  messages: InboxMessage[];
}

export interface HistoryQuery extends Omit<ConversationSearch, 'after'> {
  cursor?: string;
}

export interface HistoryPage {
  conversations: ConversationSummary[];
  /** Pass back as `cursor` for the next (older) page; null on the last one. */
  nextCursor: string | null;
}

export interface ConversationHistoryDeps {
  store: ConversationStore;
  flowName(record: Pick<ConversationRecord, 'flowId' | 'flowVersion'>): Promise<string>;
  /** The flow version's masking rules; captured variables are shown masked with them. */
  flowMask?(record: Pick<ConversationRecord, 'flowId' | 'flowVersion'>): Promise<MaskSettings | undefined>;
  now?: () => number;
}

/** Past (and running) conversations for agents: search, then read one transcript. */
export class ConversationHistory {
  private readonly now: () => number;

  constructor(private readonly deps: ConversationHistoryDeps) {
    this.now = deps.now ?? Date.now;
  }

  async search(query: HistoryQuery): Promise<HistoryPage> {
    const { cursor, ...filters } = query;
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    // One extra row tells whether another page exists without a COUNT over the table.
    const hits = await this.deps.store.searchConversations({ ...filters, limit: query.limit + 1, ...(after ? { after } : {}) });
    const page = hits.slice(0, query.limit);
    const last = page.at(-1);
    return {
      conversations: await Promise.all(page.map((h) => this.summary(h.record, h.excerpt))),
      nextCursor: hits.length > query.limit && last ? encodeCursor(last.record) : null,
    };
  }

  /** The flows a history search can filter by, named as in their newest conversations. */
  async flows(): Promise<{ id: string; name: string }[]> {
    const rows = await this.deps.store.listConversationFlows();
    const named = await Promise.all(
      rows.map(async (r) => ({ id: r.flowId, name: await this.deps.flowName({ flowId: r.flowId, flowVersion: r.flowVersion }) })),
    );
    return named.sort((a, b) => a.name.localeCompare(b.name));
  }

  async transcript(sessionId: string): Promise<ConversationTranscript> {
    const record = await this.deps.store.get(sessionId);
    if (!record) throw new ChatError('session_not_found', 'This conversation does not exist');
    const messages = await this.deps.store.listMessages(sessionId, 0, 10_000);
    const summary = await this.summary(record, null);
    const mask = await this.deps.flowMask?.(record);
    const variables = mask ? maskVariables(record.session.variables, mask) : record.session.variables;
    return { conversation: { ...summary, variables }, messages: messages.map(toInboxMessage) };
  }

  private async summary(record: ConversationRecord, excerpt: string | null): Promise<ConversationSummary> {
    const flowName = await this.deps.flowName(record);
    return {
      sessionId: record.id,
      flowId: record.flowId,
      flowName,
      flowVersion: record.flowVersion,
      status: record.session.status,
      startedAt: new Date(record.createdAt).toISOString(),
      updatedAt: new Date(record.updatedAt).toISOString(),
      messageCount: record.lastMessageId,
      excerpt,
      handoff: record.handoff ? toInboxItem(record, flowName, this.now(), await this.deps.flowMask?.(record)) : null,
    };
  }
}

function encodeCursor(record: ConversationRecord): string {
  return Buffer.from(JSON.stringify([record.createdAt, record.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: number; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    /* reported below */
  }
  throw new ChatError('invalid_cursor', 'This cursor is not one the server gave out');
}
