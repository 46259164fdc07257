import { ChatApiError, type ChatApi } from './chatApi';
import { MessageLedger, talkingToAfter } from './conversationState';
import { LiveChannel, type ConnectionState, type LiveEvent } from './liveChannel';
import type { SessionMemory } from './savedSession';
import type { ChatMessage, ChatView, CustomerReply, SessionStatus, WidgetInput } from './types';

export type WidgetError = 'refused' | 'unavailable' | 'removed' | 'sendFailed' | 'generic';

/** What the controller tells the view; the view owns every DOM decision. */
export interface ControllerListener {
  /** New messages in order; `live` ones just happened (the view may pace them). */
  messages(messages: ChatMessage[], live: boolean): void;
  input(input: WidgetInput, status: SessionStatus): void;
  connection(state: ConnectionState): void;
  typing(from: 'agent' | 'bot', on: boolean): void;
  /** A knowledge answer as it streams in; null removes it (the stored message follows, or nothing). */
  draft(text: string | null): void;
  talkingTo(agentName: string | null): void;
  /** The customer's own text, shown at once while the server confirms it; null removes it. */
  pending(text: string | null): void;
  error(error: WidgetError | null): void;
  /** A new conversation replaces the old one: clear the transcript. */
  reset(): void;
}

export interface ControllerOptions {
  api: ChatApi;
  memory: SessionMemory;
  listener: ControllerListener;
  WebSocketImpl?: typeof WebSocket;
  pollIntervalMs?: number;
  random?: () => number;
}

const ENDED: SessionStatus[] = ['completed', 'expired'];
const TYPING_SEND_EVERY_MS = 2000;
const TYPING_IDLE_MS = 3000;

function errorKind(err: unknown): WidgetError {
  if (!(err instanceof ChatApiError)) return 'generic';
  if (err.status === 403) return 'refused';
  if (err.status === 404) return 'unavailable';
  if (err.status === 410) return 'removed';
  return 'generic';
}

/**
 * One visitor's conversation with a flow: starts or resumes it, keeps the live channel, sends
 * answers, and remembers the session so the next page of the site picks it up.
 */
export class ChatController {
  private session: { id: string; token: string } | null = null;
  private readonly ledger = new MessageLedger();
  private channel: LiveChannel | null = null;
  private status: SessionStatus | null = null;
  private agent: string | null = null;
  private starting: Promise<void> | null = null;
  private typingSentAt = 0;
  private typingIdle: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: ControllerOptions) {}

  get hasSavedConversation(): boolean {
    return this.options.memory.load() !== null;
  }

  /** Starts a conversation, or resumes the saved one; safe to call on every open. */
  open(): Promise<void> {
    this.starting ??= this.begin().catch((err: unknown) => {
      this.starting = null;
      // A saved conversation whose flow was deleted: forget it, so the next open starts afresh.
      if (err instanceof ChatApiError && err.status === 410) this.options.memory.clear();
      this.options.listener.error(errorKind(err));
      if (err instanceof ChatApiError && err.isNetwork) this.options.listener.connection('offline');
    });
    return this.starting;
  }

  /** The flow was deleted: this conversation is over; the next open tries a new one. */
  private flowRemoved(): void {
    this.channel?.stop();
    this.channel = null;
    this.options.memory.clear();
    this.options.listener.input({ type: 'none' }, 'completed');
    this.options.listener.error('removed');
  }

  rememberOpen(open: boolean): void {
    this.options.memory.update({ open });
  }

  async send(reply: CustomerReply, shownAs: string): Promise<void> {
    const session = this.session;
    if (!session) return;
    const { listener, api } = this.options;
    listener.error(null);
    listener.pending(shownAs);
    this.stopTyping();
    try {
      const view = await api.send(session.id, session.token, reply);
      listener.pending(null);
      this.ingest(view, true);
    } catch (err) {
      listener.pending(null);
      if (err instanceof ChatApiError && err.status === 410) {
        this.flowRemoved();
        return;
      }
      if (err instanceof ChatApiError && err.isNetwork) listener.connection('offline');
      listener.error(err instanceof ChatApiError && err.status === 403 ? 'refused' : 'sendFailed');
      throw err;
    }
  }

  /** Tells a human agent that the customer types; throttled, and only when one is listening. */
  typing(): void {
    if (this.status !== 'handedOff') return;
    const now = Date.now();
    if (now - this.typingSentAt > TYPING_SEND_EVERY_MS) {
      this.typingSentAt = now;
      this.channel?.send({ type: 'typing', typing: true });
    }
    if (this.typingIdle) clearTimeout(this.typingIdle);
    this.typingIdle = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  async restart(): Promise<void> {
    this.teardown();
    this.options.memory.clear();
    this.session = null;
    this.ledger.reset();
    this.agent = null;
    this.status = null;
    this.options.listener.reset();
    this.options.listener.talkingTo(null);
    this.starting = null;
    await this.open();
  }

  /** The browser regained its network. */
  networkBack(): void {
    this.channel?.reconnectNow();
  }

  destroy(): void {
    this.teardown();
  }

  private async begin(): Promise<void> {
    const saved = this.options.memory.load();
    if (saved) {
      try {
        this.session = { id: saved.sessionId, token: saved.sessionToken };
        // The whole transcript: the page was reloaded, so nothing is on screen yet.
        const view = await this.options.api.messages(saved.sessionId, saved.sessionToken, 0);
        this.ingest(view, false);
        return;
      } catch (err) {
        // The conversation is gone (deleted, token rotated): start afresh rather than get stuck.
        if (!(err instanceof ChatApiError) || (err.status !== 401 && err.status !== 404)) {
          this.session = null;
          throw err;
        }
        this.options.memory.clear();
        this.session = null;
      }
    }
    this.options.listener.typing('bot', true);
    try {
      const started = await this.options.api.start(this.options.memory.visitorId());
      this.session = { id: started.sessionId, token: started.sessionToken };
      this.options.memory.save({ sessionId: started.sessionId, sessionToken: started.sessionToken, lastMessageId: 0, open: true });
      this.ingest(started, true);
    } finally {
      this.options.listener.typing('bot', false);
    }
  }

  private ingest(view: ChatView, live: boolean): void {
    this.accept(view.messages, live);
    this.setStatus(view.status, view.input);
  }

  private accept(messages: ChatMessage[], live: boolean): void {
    const fresh = this.ledger.accept(messages);
    if (fresh.length === 0) return;
    this.options.memory.update({ lastMessageId: this.ledger.lastId });
    this.options.listener.messages(fresh, live);
    const agent = talkingToAfter(fresh, this.agent);
    if (agent !== this.agent) {
      this.agent = agent;
      this.options.listener.talkingTo(agent);
    }
    if (fresh.some((m) => m.from === 'agent')) this.options.listener.typing('agent', false);
  }

  private setStatus(status: SessionStatus, input: WidgetInput): void {
    this.status = status;
    this.options.listener.input(input, status);
    if (ENDED.includes(status)) this.teardown();
    else this.ensureChannel();
  }

  private ensureChannel(): void {
    const session = this.session;
    if (this.channel || !session) return;
    const { api, listener } = this.options;
    this.channel = new LiveChannel({
      socketUrl: api.socketUrl(session.id, session.token),
      poll: () => api.messages(session.id, session.token, this.ledger.lastId),
      onEvent: (event) => this.onLive(event),
      onView: (view) => this.ingest(view, true),
      onState: (state) => listener.connection(state),
      onFatal: (error) => {
        this.channel = null;
        if (error.status === 403) listener.error('refused');
        else if (error.status === 410) this.flowRemoved();
        else {
          // The conversation no longer exists on the server; the next open starts a new one.
          this.options.memory.clear();
          listener.input({ type: 'none' }, 'expired');
        }
      },
      ...(this.options.WebSocketImpl ? { WebSocketImpl: this.options.WebSocketImpl } : {}),
      ...(this.options.pollIntervalMs ? { pollIntervalMs: this.options.pollIntervalMs } : {}),
      ...(this.options.random ? { random: this.options.random } : {}),
    });
    this.channel.start();
  }

  private onLive(event: LiveEvent): void {
    switch (event.type) {
      case 'message':
        this.accept([event.message], true);
        return;
      case 'typing':
        this.options.listener.typing(event.from, event.typing);
        return;
      case 'status':
        this.setStatus(event.status, event.input);
        return;
      case 'answerDraft':
        this.options.listener.draft(typeof event.text === 'string' ? event.text : null);
        return;
    }
  }

  private stopTyping(): void {
    if (this.typingIdle) clearTimeout(this.typingIdle);
    this.typingIdle = null;
    if (this.typingSentAt !== 0) this.channel?.send({ type: 'typing', typing: false });
    this.typingSentAt = 0;
  }

  private teardown(): void {
    if (this.typingIdle) clearTimeout(this.typingIdle);
    this.channel?.stop();
    this.channel = null;
  }
}
