import type { ChatView, CustomerReply, StartedChat, WidgetConfig } from './types';

/** A failed call: `status` 0 means the network, not the server, failed. */
export class ChatApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export interface ChatApi {
  config(): Promise<WidgetConfig>;
  /** `visitorId`: the anonymous id for unique visitors (visitorId.ts), or null to send none. */
  start(visitorId: string | null): Promise<StartedChat>;
  send(sessionId: string, token: string, reply: CustomerReply): Promise<ChatView>;
  messages(sessionId: string, token: string, after: number): Promise<ChatView>;
  socketUrl(sessionId: string, token: string): string;
}

/** The public chat API at `base` (the server widget.js came from). */
export function createChatApi(base: string, flowId: string, fetchFn: typeof fetch = (...a) => fetch(...a)): ChatApi {
  const root = base.replace(/\/+$/, '');
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    let res: Response;
    try {
      // No cookies: the widget is anonymous, and credentials would widen what CORS must allow.
      res = await fetchFn(`${root}${path}`, { ...init, credentials: 'omit', mode: 'cors' });
    } catch {
      throw new ChatApiError(0, 'network', 'The network request failed');
    }
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (!res.ok) throw new ChatApiError(res.status, body?.error?.code ?? 'http_error', body?.error?.message ?? `HTTP ${res.status}`);
    return body as T;
  };
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const sid = (id: string) => encodeURIComponent(id);
  return {
    config: () => call(`/api/widget/${encodeURIComponent(flowId)}`),
    start: (visitorId) =>
      call(`/api/chat/${encodeURIComponent(flowId)}/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(visitorId === null ? {} : { visitorId }),
      }),
    send: (id, token, reply) =>
      call(`/api/chat/sessions/${sid(id)}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth(token) },
        body: JSON.stringify(reply),
      }),
    messages: (id, token, after) => call(`/api/chat/sessions/${sid(id)}/messages?after=${after}`, { headers: auth(token) }),
    socketUrl: (id, token) => `${root.replace(/^http/, 'ws')}/api/chat/sessions/${sid(id)}/ws?frames=turn&token=${encodeURIComponent(token)}`,
  };
}
