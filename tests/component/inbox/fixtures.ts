import type { InboxConversation, InboxItem, InboxMessage } from '../../../editor/src/api';

export const T0 = Date.parse('2026-03-02T09:00:00Z');

export function item(over: Partial<InboxItem> = {}): InboxItem {
  return {
    sessionId: 's-1',
    flowId: 'f1',
    flowName: 'Orders',
    flowVersion: 1,
    status: 'waiting',
    queue: 'billing',
    priority: 'normal',
    note: '',
    requestedAt: new Date(T0).toISOString(),
    waitingSeconds: 0,
    assignedAgent: null,
    claimedAt: null,
    closedAt: null,
    resolution: null,
    variables: {},
    conversationStatus: 'handedOff',
    updatedAt: new Date(T0).toISOString(),
    ...over,
  };
}

export function message(id: number, over: Partial<InboxMessage> = {}): InboxMessage {
  return { id, from: 'customer', kind: 'text', text: `m${id}`, at: new Date(T0 + id * 1000).toISOString(), ...over };
}

export function conversation(over: Partial<InboxItem> = {}, messages: InboxMessage[] = []): InboxConversation {
  return { conversation: item(over), messages };
}
