import type { ChatApi } from '../../../../editor/src/widget/chatApi';
import { ChatApiError } from '../../../../editor/src/widget/chatApi';
import type { ChatMessage, ChatView, CustomerReply, SessionStatus, StartedChat, WidgetConfig, WidgetInput } from '../../../../editor/src/widget/types';

export const AT = '2026-03-02T09:00:00.000Z';
export const msg = (id: number, extra: Partial<ChatMessage> = {}): ChatMessage => ({ id, from: 'bot', kind: 'text', text: `message ${id}`, at: AT, ...extra });
export const MENU: WidgetInput = {
  type: 'choice',
  nodeId: 'menu',
  allowText: false,
  options: [
    { id: 'order', label: 'Order status' },
    { id: 'human', label: 'Talk to a human' },
  ],
};

/** A socket the test opens, feeds and drops by hand. */
export class FakeSocket {
  static instances: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  sent: unknown[] = [];
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  open() {
    this.onopen?.();
  }
  push(frame: object) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop() {
    this.closed = true;
    this.onclose?.();
  }
  static reset() {
    FakeSocket.instances = [];
  }
  static get last(): FakeSocket {
    return FakeSocket.instances.at(-1)!;
  }
}
export const FakeSocketImpl = FakeSocket as unknown as typeof WebSocket;

/** An in-memory chat server speaking the public chat API's shapes. */
export class FakeApi implements ChatApi {
  calls: string[] = [];
  transcript: ChatMessage[] = [msg(1, { text: 'Hello!' }), msg(2, { text: 'What do you need?' })];
  input: WidgetInput = MENU;
  status: SessionStatus = 'active';
  configError: ChatApiError | null = null;
  messagesError: ChatApiError | null = null;
  sendError: ChatApiError | null = null;
  sent: CustomerReply[] = [];
  widget: WidgetConfig = { flowId: 'flow-1', name: 'Shop bot', locale: 'en', widget: { title: 'Shop help', greeting: 'Need a hand?' } };

  async config(): Promise<WidgetConfig> {
    this.calls.push('config');
    if (this.configError) throw this.configError;
    return this.widget;
  }
  /** The visitor id each start sent. */
  visitorIds: (string | null)[] = [];

  async start(visitorId: string | null): Promise<StartedChat> {
    this.calls.push('start');
    this.visitorIds.push(visitorId);
    return { sessionId: 's-new', sessionToken: 't-new', messages: this.transcript, input: this.input, status: 'active' };
  }
  async send(id: string, _token: string, reply: CustomerReply): Promise<ChatView> {
    this.calls.push(`send ${id}`);
    this.sent.push(reply);
    if (this.sendError) throw this.sendError;
    const next = (this.transcript.at(-1)?.id ?? 0) + 1;
    const label = 'optionId' in reply ? reply.optionId : reply.text;
    const added = [msg(next, { from: 'customer', text: label }), msg(next + 1, { text: 'Your order number?' })];
    this.transcript.push(...added);
    this.input = { type: 'text', nodeId: 'ask', inputKind: 'text' };
    return { messages: added, input: this.input, status: 'active' };
  }
  async messages(id: string, _token: string, after: number): Promise<ChatView> {
    this.calls.push(`messages ${id} ${after}`);
    if (this.messagesError) throw this.messagesError;
    return { messages: this.transcript.filter((m) => m.id > after), input: this.input, status: this.status };
  }
  socketUrl(id: string, token: string): string {
    return `ws://chat.test/api/chat/sessions/${id}/ws?token=${token}`;
  }
}

export function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

/** Lets zero-delay timers (the first poll) fire. */
export const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

/** Lets queued promise callbacks run (the controller and transcript chain on them). */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}
