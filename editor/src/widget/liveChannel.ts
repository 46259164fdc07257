import { backoffDelay } from './backoff';
import { ChatApiError } from './chatApi';
import type { ChatMessage, ChatView, SessionStatus, WidgetInput } from './types';

/** What the server pushes on the customer socket (runtime/src/chat/chatEvents.ts). */
export type LiveEvent =
  | { type: 'message'; message: ChatMessage }
  | { type: 'typing'; from: 'agent' | 'bot'; typing: boolean }
  | { type: 'status'; status: SessionStatus; input: WidgetInput }
  /** A knowledge answer as it streams in: the whole text so far; null withdraws it. */
  | { type: 'answerDraft'; nodeId: string; text: string | null };

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface LiveChannelOptions {
  socketUrl: string;
  /** Fetches what arrived after the last message the caller holds. */
  poll: () => Promise<ChatView>;
  onEvent: (event: LiveEvent) => void;
  onView: (view: ChatView) => void;
  onState: (state: ConnectionState, via: 'socket' | 'polling') => void;
  /** The server refused the conversation itself (gone, bad token, origin): stop for good. */
  onFatal: (error: ChatApiError) => void;
  WebSocketImpl?: typeof WebSocket;
  pollIntervalMs?: number;
  random?: () => number;
}

const LIVE_TYPES = new Set(['message', 'typing', 'status', 'answerDraft']);

/**
 * The conversation's live feed: a WebSocket, reconnected with backoff; while it is down, HTTP
 * polling carries the messages, so a proxy that blocks sockets only costs a little latency.
 */
export class LiveChannel {
  private socket: WebSocket | null = null;
  private socketOpen = false;
  private attempt = 0;
  private pollFailures = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private polling = false;
  private stopped = true;
  private readonly pollIntervalMs: number;

  constructor(private readonly options: LiveChannelOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 2500;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.options.onState('connecting', 'socket');
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.polling = false;
    const socket = this.socket;
    this.socket = null;
    this.socketOpen = false;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
  }

  /** The browser says the network is back: try at once instead of waiting out the backoff. */
  reconnectNow(): void {
    if (this.stopped || this.socketOpen) return;
    this.attempt = 0;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    if (!this.socket) this.connect();
    if (this.polling) this.schedulePoll(0);
  }

  /** Sends a frame when the socket is up; false tells the caller to use HTTP instead. */
  send(frame: object): boolean {
    if (!this.socketOpen || !this.socket) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  get connectedBySocket(): boolean {
    return this.socketOpen;
  }

  private connect(): void {
    const Impl = this.options.WebSocketImpl ?? globalThis.WebSocket;
    let socket: WebSocket;
    try {
      socket = new Impl(this.options.socketUrl);
    } catch {
      this.socketDown();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.socketOpen = true;
      this.attempt = 0;
      this.stopPolling();
      this.options.onState('online', 'socket');
      // Whatever was said while the socket was down is fetched once.
      void this.pollOnce();
    };
    socket.onmessage = (event: MessageEvent) => {
      let frame: { type?: unknown };
      try {
        frame = JSON.parse(String(event.data)) as { type?: unknown };
      } catch {
        return;
      }
      if (frame.type === 'turn') {
        // One frame per turn (`?frames=turn`): the turn's messages, then where the chat stands.
        const turn = frame as { messages: ChatMessage[]; status: SessionStatus; input: WidgetInput };
        for (const message of turn.messages) this.options.onEvent({ type: 'message', message });
        this.options.onEvent({ type: 'status', status: turn.status, input: turn.input });
        return;
      }
      if (typeof frame.type === 'string' && LIVE_TYPES.has(frame.type)) this.options.onEvent(frame as LiveEvent);
    };
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.socket === socket) this.socket = null;
      this.socketOpen = false;
      this.socketDown();
    };
  }

  private socketDown(): void {
    if (this.stopped) return;
    const delay = backoffDelay(this.attempt++, this.options.random ? { random: this.options.random } : {});
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.stopped) this.connect();
    }, delay);
    if (!this.polling) {
      this.polling = true;
      this.schedulePoll(0);
    }
  }

  private schedulePoll(delay: number): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      void this.pollOnce().then((ok) => {
        if (!this.polling || this.stopped) return;
        // A failing server is asked less and less often, like the socket.
        const next = ok ? this.pollIntervalMs : Math.max(this.pollIntervalMs, backoffDelay(this.pollFailures - 1, this.randomOption()));
        this.schedulePoll(next);
      });
    }, delay);
  }

  private async pollOnce(): Promise<boolean> {
    try {
      const view = await this.options.poll();
      if (this.stopped) return false;
      this.pollFailures = 0;
      if (!this.socketOpen) this.options.onState('online', 'polling');
      this.options.onView(view);
      return true;
    } catch (err) {
      if (this.stopped) return false;
      const error = err instanceof ChatApiError ? err : new ChatApiError(0, 'network', String(err));
      if (error.status === 401 || error.status === 403 || error.status === 404) {
        this.stop();
        this.options.onFatal(error);
        return false;
      }
      this.pollFailures++;
      if (!this.socketOpen) this.options.onState('offline', 'polling');
      return false;
    }
  }

  private stopPolling(): void {
    this.polling = false;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.reconnectTimer = null;
    this.pollTimer = null;
  }

  private randomOption() {
    return this.options.random ? { random: this.options.random } : {};
  }
}
