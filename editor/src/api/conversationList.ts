import type { contract, ResponseBody } from '../../../api/src/contract';
import { request } from './http';

export type ConversationListPage = ResponseBody<typeof contract.analyticsConversations.list, 200>;
export type AnalyticsConversation = ConversationListPage['conversations'][number];
export type ConversationOutcome = AnalyticsConversation['outcome'];
export type ConversationPath = ResponseBody<typeof contract.analyticsConversations.path, 200>;

/** The list's filters as the API takes them (booleans become `true`/`false`); the CSV takes the same ones. */
export interface ConversationListFilters {
  from?: string;
  to?: string;
  version?: number;
  outcome?: ConversationOutcome;
  /** With `goalReached`: that goal step; without, any goal. */
  goal?: string;
  goalReached?: boolean;
  lowCsat?: boolean;
  unrecognized?: boolean;
}

/** The query string shared by the list and its CSV download; empty filters are left out. */
export function conversationListSearch(filters: ConversationListFilters, page: { limit?: number; cursor?: string } = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...page })) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

const base = (flowId: string) => `/api/flows/${encodeURIComponent(flowId)}/analytics/conversations`;

export const conversationList = {
  async page(flowId: string, filters: ConversationListFilters, cursor?: string): Promise<ConversationListPage> {
    return (await request<ConversationListPage>('GET', `${base(flowId)}${conversationListSearch(filters, cursor ? { cursor } : {})}`)).data;
  },
  csvUrl: (flowId: string, filters: ConversationListFilters) => `${base(flowId)}.csv${conversationListSearch(filters)}`,
  async path(flowId: string, sessionId: string): Promise<ConversationPath> {
    return (await request<ConversationPath>('GET', `${base(flowId)}/${encodeURIComponent(sessionId)}/path`)).data;
  },
};
