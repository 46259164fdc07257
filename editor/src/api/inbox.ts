import type { contract, ResponseBody } from '../../../api/src/contract';
import { request } from './http';
import type {
  HandoffStatus,
  AgentStatus,
  InboxMessage,
  InboxItem,
  ConversationSummary,
  ConversationTranscript,
} from '@switchboard/runtime';

// The response shapes are the server's own types, so the two cannot drift apart.
export type {
  HandoffStatus,
  AgentStatus,
  SessionStatus as ConversationStatus,
  VariableValue,
  InboxMessage,
  InboxItem,
  ConversationSummary,
  ConversationTranscript,
} from '@switchboard/runtime';

/** `GET /api/inbox/:sessionId`: the handoff and its transcript, notes included. */
export type InboxConversation = ResponseBody<typeof contract.inbox.get, 200>;
export type InboxSettings = ResponseBody<typeof contract.inbox.settings, 200>;
export type CannedReply = InboxSettings['cannedReplies'][number];
export type InboxAgent = ResponseBody<typeof contract.inbox.agents, 200>['agents'][number];

export interface HistorySearch {
  q?: string;
  flowId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** What the agents' socket pushes (`/api/inbox/ws`). */
export type InboxSocketEvent =
  | { type: 'queue'; sessionId: string; status: HandoffStatus; queue: string; assignedAgentId: string | null }
  | { type: 'message'; sessionId: string; assignedAgentId: string | null; message: InboxMessage }
  | { type: 'typing'; sessionId: string; assignedAgentId: string | null; typing: boolean }
  | { type: 'error'; error: { code: string; message: string } };

const enc = encodeURIComponent;

export const inbox = {
  async list(status: HandoffStatus): Promise<InboxItem[]> {
    const { data } = await request<{ conversations: InboxItem[] }>('GET', `/api/inbox?status=${status}`);
    return data.conversations;
  },
  async get(sessionId: string): Promise<InboxConversation> {
    return (await request<InboxConversation>('GET', `/api/inbox/${enc(sessionId)}`)).data;
  },
  async claim(sessionId: string): Promise<InboxItem> {
    return (await request<{ conversation: InboxItem }>('POST', `/api/inbox/${enc(sessionId)}/claim`)).data.conversation;
  },
  async reply(sessionId: string, text: string): Promise<InboxMessage> {
    return (await request<{ message: InboxMessage }>('POST', `/api/inbox/${enc(sessionId)}/messages`, { body: { text } })).data.message;
  },
  async note(sessionId: string, text: string): Promise<InboxMessage> {
    return (await request<{ message: InboxMessage }>('POST', `/api/inbox/${enc(sessionId)}/notes`, { body: { text } })).data.message;
  },
  async transfer(sessionId: string, target: { queue: string } | { agentId: string }): Promise<InboxItem> {
    return (await request<{ conversation: InboxItem }>('POST', `/api/inbox/${enc(sessionId)}/transfer`, { body: target })).data.conversation;
  },
  async returnToBot(sessionId: string): Promise<InboxItem> {
    return (await request<{ conversation: InboxItem }>('POST', `/api/inbox/${enc(sessionId)}/return`)).data.conversation;
  },
  async close(sessionId: string): Promise<InboxItem> {
    return (await request<{ conversation: InboxItem }>('POST', `/api/inbox/${enc(sessionId)}/close`)).data.conversation;
  },
  async availability(): Promise<AgentStatus> {
    return (await request<{ availability: { status: AgentStatus } }>('GET', '/api/inbox/availability')).data.availability.status;
  },
  async setAvailability(status: AgentStatus): Promise<AgentStatus> {
    return (await request<{ availability: { status: AgentStatus } }>('PUT', '/api/inbox/availability', { body: { status } })).data.availability
      .status;
  },
  async settings(): Promise<InboxSettings> {
    return (await request<InboxSettings>('GET', '/api/inbox/settings')).data;
  },
  async agents(): Promise<InboxAgent[]> {
    return (await request<{ agents: InboxAgent[] }>('GET', '/api/inbox/agents')).data.agents;
  },
  async queues(): Promise<string[]> {
    return (await request<{ queues: string[] }>('GET', '/api/inbox/queues')).data.queues;
  },
  async history(search: HistorySearch): Promise<{ conversations: ConversationSummary[]; nextCursor: string | null }> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(search)) if (value !== undefined && value !== '') params.set(key, String(value));
    return (await request<{ conversations: ConversationSummary[]; nextCursor: string | null }>('GET', `/api/conversations?${params}`)).data;
  },
  async historyFlows(): Promise<{ id: string; name: string }[]> {
    return (await request<{ flows: { id: string; name: string }[] }>('GET', '/api/conversations/flows')).data.flows;
  },
  async transcript(sessionId: string): Promise<ConversationTranscript> {
    return (await request<ConversationTranscript>('GET', `/api/conversations/${enc(sessionId)}`)).data;
  },
};
