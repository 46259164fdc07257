import type { ConnectionState } from '../liveChannel';
import type { ControllerListener, WidgetError } from '../controller';
import type { Theme } from '../embedOptions';
import { el } from '../render/dom';
import type { Labels } from '../render/labels';
import { renderInput } from '../render/renderInput';
import type { ChatMessage, CustomerReply, SessionStatus, WidgetInput } from '../types';
import { chatIcon } from './icons';
import { WIDGET_CSS } from './styles';
import { naturalPace, TranscriptView } from './transcriptView';

export interface ViewActions {
  open(): void;
  send(reply: CustomerReply, shownAs: string): void;
  typing(): void;
  restart(): void;
  openChanged(open: boolean): void;
}

export interface ViewOptions {
  mode: 'bubble' | 'page';
  labels: Labels;
  theme: Theme;
  actions: ViewActions;
  /** False in tests, and when the visitor asked for reduced motion. */
  paced: boolean;
}

const ERROR_TEXT: Record<WidgetError, keyof Labels> = {
  refused: 'refused',
  unavailable: 'unavailable',
  removed: 'removed',
  sendFailed: 'sendFailed',
  generic: 'genericError',
};

/**
 * The widget's DOM inside a shadow root: launcher, window, header, banner, log and answer
 * area. It implements the controller's listener, so it only ever reacts to conversation state.
 */
export class WidgetView implements ControllerListener {
  readonly host: HTMLElement;
  private readonly root: HTMLElement;
  private readonly launcher: HTMLButtonElement | null = null;
  private readonly teaser: HTMLElement | null = null;
  private readonly window: HTMLElement;
  private readonly titleEl: HTMLElement;
  private readonly subtitle: HTMLElement;
  private readonly avatar: HTMLImageElement;
  private readonly banner: HTMLElement;
  private readonly notice: HTMLElement;
  private customerSpoke = false;
  private readonly composer: HTMLElement;
  private readonly transcript: TranscriptView;
  private isOpen = false;
  private agentName: string | null = null;
  private status: SessionStatus | null = null;
  private lastInputKey = '';
  private connectionState: ConnectionState = 'online';
  private errorState: WidgetError | null = null;

  constructor(
    private readonly doc: Document,
    private readonly options: ViewOptions,
  ) {
    const { labels, mode } = options;
    this.host = el(doc, 'div', { 'data-switchboard-widget': '' });
    const shadow = this.host.attachShadow({ mode: 'open' });
    this.root = el(doc, 'div', { class: `sb-root ${mode === 'page' ? 'sb-page' : ''}` });
    const titleId = 'sb-title';
    this.titleEl = el(doc, 'h2', { class: 'sb-title', id: titleId });
    this.subtitle = el(doc, 'p', { class: 'sb-subtitle', 'aria-live': 'polite' });
    this.avatar = el(doc, 'img', { class: 'sb-avatar', alt: '', hidden: true });
    const header = el(doc, 'div', { class: 'sb-header' }, [this.avatar, el(doc, 'div', { class: 'sb-heading' }, [this.titleEl, this.subtitle])]);
    if (mode === 'bubble') {
      const close = el(doc, 'button', { type: 'button', class: 'sb-close', 'aria-label': labels.closeChat }, ['×']);
      close.addEventListener('click', () => this.setOpen(false, true));
      header.append(close);
    }
    this.banner = el(doc, 'div', { class: 'sb-banner', role: 'status', hidden: true });
    this.transcript = new TranscriptView(doc, {
      labels,
      botName: () => this.options.theme.title,
      pace: options.paced ? naturalPace : () => 0,
    });
    this.notice = el(doc, 'aside', { class: 'sb-notice', 'aria-label': labels.privacyNotice, hidden: true });
    this.composer = el(doc, 'div', { class: 'sb-composer' });
    this.window = el(doc, 'section', { class: 'sb-window', id: 'sb-window', role: 'dialog', 'aria-labelledby': titleId, hidden: mode === 'bubble' }, [
      header,
      this.banner,
      this.notice,
      this.transcript.element,
      this.composer,
    ]);
    this.window.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && mode === 'bubble') {
        event.stopPropagation();
        this.setOpen(false, true);
      }
    });
    this.root.append(this.window);
    if (mode === 'bubble') {
      const launcher = el(doc, 'button', { type: 'button', class: 'sb-launcher', 'aria-controls': 'sb-window', 'aria-expanded': 'false', 'aria-label': labels.openChat }, [
        chatIcon(doc),
      ]);
      launcher.addEventListener('click', () => this.setOpen(!this.isOpen, false));
      this.launcher = launcher;
      this.teaser = el(doc, 'div', { class: 'sb-teaser', hidden: true });
      this.root.append(this.teaser, launcher);
    }
    shadow.append(el(doc, 'style', {}, [WIDGET_CSS]), this.root);
    this.applyTheme(options.theme);
  }

  applyTheme(theme: Theme): void {
    this.options.theme = theme;
    this.host.style.setProperty('--sb-primary', theme.color);
    this.host.style.setProperty('--sb-on-primary', theme.onColor);
    this.root.classList.toggle('sb-left', theme.position === 'left');
    this.root.classList.toggle('sb-right', theme.position !== 'left');
    this.titleEl.textContent = theme.title;
    this.avatar.hidden = theme.avatarUrl === null;
    if (theme.avatarUrl) this.avatar.src = theme.avatarUrl;
    this.renderSubtitle();
    this.renderNotice();
  }

  /** A short invitation beside the closed launcher (flow setting `greeting`). */
  showGreeting(text: string | null): void {
    const teaser = this.teaser;
    if (!teaser) return;
    teaser.replaceChildren();
    teaser.hidden = text === null || this.isOpen;
    if (text === null) return;
    const open = el(doc(teaser), 'p', { class: 'sb-text' }, [text]);
    const dismiss = el(doc(teaser), 'button', { type: 'button', class: 'sb-teaser-close', 'aria-label': this.options.labels.dismissGreeting }, ['×']);
    open.addEventListener('click', () => this.setOpen(true, false));
    dismiss.addEventListener('click', (event) => {
      event.stopPropagation();
      teaser.hidden = true;
      teaser.replaceChildren();
    });
    teaser.append(open, dismiss);
  }

  get opened(): boolean {
    return this.isOpen;
  }

  setOpen(open: boolean, returnFocus: boolean): void {
    if (this.options.mode === 'page') open = true;
    const changed = open !== this.isOpen;
    this.isOpen = open;
    this.window.hidden = !open;
    this.root.classList.toggle('sb-open', open);
    if (this.launcher) {
      this.launcher.setAttribute('aria-expanded', String(open));
      this.launcher.setAttribute('aria-label', open ? this.options.labels.closeChat : this.options.labels.openChat);
    }
    if (this.teaser && open) {
      this.teaser.hidden = true;
      this.teaser.replaceChildren();
    }
    if (open) {
      this.options.actions.open();
      this.focusInput();
    } else if (returnFocus) {
      this.launcher?.focus();
    }
    if (changed) this.options.actions.openChanged(open);
  }

  // ---- ControllerListener --------------------------------------------------------------------

  messages(messages: ChatMessage[], live: boolean): void {
    this.transcript.add(messages, live);
    if (!this.customerSpoke && messages.some((m) => m.from === 'customer')) {
      this.customerSpoke = true;
      this.renderNotice();
    }
  }

  input(input: WidgetInput, status: SessionStatus): void {
    this.status = status;
    this.renderSubtitle();
    const key = JSON.stringify([input, status, this.errorState === 'refused']);
    if (key === this.lastInputKey) return;
    this.lastInputKey = key;
    this.transcript.enqueue(() => this.renderComposer(input, status));
  }

  connection(state: ConnectionState): void {
    this.connectionState = state;
    this.renderBanner();
  }

  typing(from: 'agent' | 'bot', on: boolean): void {
    this.transcript.showTyping(from === 'bot' ? 'bot' : (this.agentName ?? this.options.labels.bot), on);
  }

  draft(text: string | null): void {
    this.transcript.setDraft(text);
  }

  talkingTo(agentName: string | null): void {
    this.agentName = agentName;
    this.renderSubtitle();
  }

  pending(text: string | null): void {
    this.transcript.setPending(text);
  }

  error(error: WidgetError | null): void {
    this.errorState = error;
    this.renderBanner();
    if (error === 'refused') {
      this.lastInputKey = '';
      this.composer.replaceChildren();
    }
  }

  reset(): void {
    this.transcript.clear();
    this.composer.replaceChildren();
    this.lastInputKey = '';
    this.status = null;
    this.customerSpoke = false;
    this.renderNotice();
  }

  // ---- rendering -----------------------------------------------------------------------------

  private renderComposer(input: WidgetInput, status: SessionStatus): void {
    const { labels, actions } = this.options;
    const focusWasInside = this.composer.contains(this.host.shadowRoot?.activeElement ?? null);
    if (this.errorState === 'refused') {
      this.composer.replaceChildren();
      return;
    }
    if (status === 'completed' || status === 'expired') {
      const restart = el(this.doc, 'button', { type: 'button', class: 'sb-restart' }, [labels.restart]);
      restart.addEventListener('click', () => actions.restart());
      this.composer.replaceChildren(el(this.doc, 'p', { class: 'sb-ended' }, [status === 'expired' ? labels.expired : labels.ended]), restart);
      if (focusWasInside) restart.focus();
      return;
    }
    // While an agent holds the conversation the engine expects nothing, but the customer
    // writes freely to the person.
    const effective: WidgetInput = status === 'handedOff' && input.type === 'none' ? { type: 'text', nodeId: '', inputKind: 'text' } : input;
    const area = renderInput(
      this.doc,
      effective,
      {
        send: (reply) => actions.send(reply, 'optionId' in reply ? labelOf(effective, reply.optionId) : reply.text),
        typing: () => actions.typing(),
      },
      { labels },
    );
    this.composer.replaceChildren(area);
    if (this.isOpen && (focusWasInside || this.pageIsIdle())) this.focusInput();
  }

  /** The flow's privacy notice, as text with at most one http(s) link, until the customer first writes. */
  private renderNotice(): void {
    const notice = this.options.theme.notice;
    this.notice.hidden = notice === null || this.customerSpoke;
    if (this.notice.hidden || !notice) {
      this.notice.replaceChildren();
      return;
    }
    const parts: (Node | string)[] = [notice.text];
    if (notice.url) {
      const link = el(this.doc, 'a', { href: notice.url, target: '_blank', rel: 'noopener noreferrer' }, [notice.label || this.options.labels.privacyLink]);
      parts.push(' ', link);
    }
    this.notice.replaceChildren(el(this.doc, 'p', {}, parts));
  }

  private renderBanner(): void {
    const { labels } = this.options;
    let text: string | null = null;
    let isError = false;
    if (this.errorState) {
      text = labels[ERROR_TEXT[this.errorState]] as string;
      isError = true;
    } else if (this.connectionState === 'offline') {
      const online = this.doc.defaultView?.navigator.onLine ?? true;
      text = online ? labels.reconnecting : labels.offline;
    }
    this.banner.hidden = text === null;
    this.banner.textContent = text ?? '';
    this.banner.classList.toggle('sb-error', isError);
    this.banner.setAttribute('role', isError ? 'alert' : 'status');
  }

  private renderSubtitle(): void {
    const { labels } = this.options;
    if (this.agentName) this.subtitle.textContent = labels.agentTalking(this.agentName);
    else if (this.status === 'handedOff') this.subtitle.textContent = labels.waitingForAgent;
    else this.subtitle.textContent = '';
  }

  /** Focus is nowhere on the host page, or already ours: moving it cannot steal a field. */
  private pageIsIdle(): boolean {
    const active = this.doc.activeElement;
    if (active === null || active === this.doc.body) return true;
    if (active !== this.host) return false;
    const inner = this.host.shadowRoot?.activeElement ?? null;
    return inner === null || inner === this.launcher || this.window.contains(inner);
  }

  private focusInput(): void {
    const target =
      this.composer.querySelector<HTMLElement>('input:not([disabled])') ??
      this.composer.querySelector<HTMLElement>('button:not([disabled])') ??
      this.transcript.element;
    target.focus();
  }
}

function doc(node: Node): Document {
  return node.ownerDocument!;
}

function labelOf(input: WidgetInput, optionId: string): string {
  return input.type === 'choice' ? (input.options.find((o) => o.id === optionId)?.label ?? optionId) : optionId;
}
