import { el } from '../render/dom';
import type { Labels } from '../render/labels';
import { renderMessage } from '../render/renderMessage';
import { renderTyping } from '../render/renderTyping';
import type { ChatMessage } from '../types';

export interface TranscriptOptions {
  labels: Labels;
  botName: () => string;
  /** Typing time before each live bot message, from its length; 0 in tests and for reduced motion. */
  pace: (message: ChatMessage) => number;
}

/** Reading time a person would expect for a bot to "type" a message, kept short. */
export function naturalPace(message: ChatMessage): number {
  const length = message.text?.length ?? 40;
  return Math.min(1200, 350 + length * 12);
}

/**
 * The conversation log. Live bot messages appear one by one behind a short typing indicator;
 * anything queued after them (the next input) waits its turn, so buttons never come first.
 */
export class TranscriptView {
  readonly element: HTMLElement;
  private queue: Promise<void> = Promise.resolve();
  private typingEl: HTMLElement | null = null;
  private pendingEl: HTMLElement | null = null;
  /** A knowledge answer still streaming in; the stored message replaces it. */
  private draftEl: HTMLElement | null = null;
  private typingWho = new Set<string>();
  private generation = 0;

  constructor(
    private readonly doc: Document,
    private readonly options: TranscriptOptions,
  ) {
    this.element = el(doc, 'div', { class: 'sb-log', role: 'log', 'aria-live': 'polite', 'aria-label': options.labels.transcript, tabindex: '0' });
  }

  add(messages: ChatMessage[], live: boolean): void {
    for (const message of messages) {
      // The customer watched a streamed answer being written: no typing pause before it again.
      const pace = live && message.from === 'bot' && this.draftEl === null ? this.options.pace(message) : 0;
      this.enqueue(async () => {
        if (message.from === 'bot') this.setDraft(null);
        if (pace > 0) {
          this.showTyping('bot', true);
          await new Promise((r) => setTimeout(r, pace));
          this.showTyping('bot', false);
        }
        if (message.from === 'customer') this.setPending(null);
        this.append(renderMessage(this.doc, message, { labels: this.options.labels, botName: this.options.botName() }));
      });
    }
  }

  /** Runs `task` after everything already queued (used for the input area). */
  enqueue(task: () => void | Promise<void>): void {
    const generation = this.generation;
    this.queue = this.queue.then(() => (generation === this.generation ? task() : undefined)).catch(() => undefined);
  }

  setPending(text: string | null): void {
    this.pendingEl?.remove();
    this.pendingEl = null;
    if (text === null) return;
    const node = renderMessage(this.doc, { id: 0, from: 'customer', kind: 'text', text, at: '' }, { labels: this.options.labels });
    node.classList.add('sb-pending');
    node.removeAttribute('data-id');
    this.pendingEl = node;
    this.append(node);
  }

  /** Shows an answer as it streams in (the whole text so far); null or '' removes it. */
  setDraft(text: string | null): void {
    if (text === null || text === '') {
      this.draftEl?.remove();
      this.draftEl = null;
      return;
    }
    const node = renderMessage(this.doc, { id: 0, from: 'bot', kind: 'text', text, at: '' }, { labels: this.options.labels, botName: this.options.botName() });
    node.classList.add('sb-draft');
    node.removeAttribute('data-id');
    if (this.draftEl?.parentNode) this.draftEl.replaceWith(node);
    else this.append(node);
    this.draftEl = node;
    this.scroll();
  }

  showTyping(who: string, on: boolean): void {
    if (on) this.typingWho.add(who);
    else this.typingWho.delete(who);
    this.typingEl?.remove();
    this.typingEl = null;
    const first = this.typingWho.values().next();
    if (first.done) return;
    const name = first.value === 'bot' ? this.options.botName() : first.value;
    this.typingEl = renderTyping(this.doc, name, this.options.labels);
    this.element.append(this.typingEl);
    this.scroll();
  }

  clear(): void {
    this.generation++;
    this.queue = Promise.resolve();
    this.typingWho.clear();
    this.typingEl = null;
    this.pendingEl = null;
    this.draftEl = null;
    this.element.replaceChildren();
  }

  private append(node: HTMLElement): void {
    // The typing indicator and the pending message stay last.
    const anchor = this.typingEl ?? (node === this.pendingEl ? null : this.pendingEl);
    if (anchor && anchor.parentNode === this.element) this.element.insertBefore(node, anchor);
    else this.element.append(node);
    this.scroll();
  }

  private scroll(): void {
    this.element.scrollTop = this.element.scrollHeight;
  }
}
