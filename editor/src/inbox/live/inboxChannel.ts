import type { InboxSocketEvent } from '../../api';

export type ChannelState = 'connecting' | 'open' | 'reconnecting';

export interface InboxChannel {
  subscribe(listener: (event: InboxSocketEvent) => void): () => void;
  onState(listener: (state: ChannelState, reconnected: boolean) => void): () => void;
  send(frame: unknown): void;
  close(): void;
}

const MAX_DELAY_MS = 15_000;

/**
 * The agents' live socket. Reconnects with capped, jittered backoff; listeners hear
 * `reconnected` so they can reload what they missed while it was down.
 */
export function openInboxChannel(url = defaultUrl(), create: (url: string) => WebSocket = (u) => new WebSocket(u)): InboxChannel {
  const listeners = new Set<(event: InboxSocketEvent) => void>();
  const stateListeners = new Set<(state: ChannelState, reconnected: boolean) => void>();
  let socket: WebSocket | null = null;
  let attempt = 0;
  let everOpened = false;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const setState = (state: ChannelState, reconnected = false) => {
    for (const l of stateListeners) l(state, reconnected);
  };

  function connect() {
    if (closed) return;
    const ws = create(url);
    socket = ws;
    ws.onopen = () => {
      const reconnected = everOpened;
      everOpened = true;
      attempt = 0;
      setState('open', reconnected);
    };
    ws.onmessage = (message) => {
      let event: InboxSocketEvent;
      try {
        event = JSON.parse(String(message.data)) as InboxSocketEvent;
      } catch {
        return;
      }
      for (const l of listeners) l(event);
    };
    ws.onclose = () => {
      if (socket !== ws || closed) return;
      socket = null;
      setState('reconnecting');
      const delay = Math.min(MAX_DELAY_MS, 500 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
      attempt += 1;
      timer = setTimeout(connect, delay);
    };
  }
  setState('connecting');
  connect();

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    send(frame) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
      socket = null;
    },
  };
}

function defaultUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/api/inbox/ws`;
}
