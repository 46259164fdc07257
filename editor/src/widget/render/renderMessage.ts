import type { ChatMessage } from '../types';
import { el } from './dom';
import { labelsFor, type Labels } from './labels';
import { safeImageUrl, safeLinkUrl } from './safeUrl';

export interface MessageRenderOptions {
  labels?: Labels;
  /** Shown as the sender of bot messages (the flow's widget title). */
  botName?: string;
}

function senderName(message: ChatMessage, labels: Labels, botName: string): string {
  switch (message.from) {
    case 'customer':
      return labels.you;
    case 'agent':
      return message.agentName || labels.bot;
    case 'bot':
      return botName;
    case 'system':
      return '';
  }
}

function linkItem(doc: Document, label: string, url: string): HTMLElement {
  const href = safeLinkUrl(url);
  const text = label || url;
  if (href === null) return el(doc, 'li', { class: 'sb-link sb-link-plain' }, [text]);
  // External pages open in a new tab so the conversation stays where it is.
  const external = href.startsWith('http');
  const a = el(doc, 'a', { href, target: external ? '_blank' : undefined, rel: external ? 'noopener noreferrer nofollow' : undefined }, [text]);
  return el(doc, 'li', { class: 'sb-link' }, [a]);
}

function body(doc: Document, message: ChatMessage, labels: Labels): HTMLElement {
  switch (message.kind) {
    case 'text':
      return el(doc, 'p', { class: 'sb-text' }, [message.text ?? '']);
    case 'image': {
      const src = safeImageUrl(message.url);
      if (src === null) return el(doc, 'p', { class: 'sb-text' }, [message.alt ?? '']);
      return el(doc, 'img', { class: 'sb-image', src, alt: message.alt ?? '', loading: 'lazy', referrerpolicy: 'no-referrer' });
    }
    case 'links': {
      const items = (message.links ?? []).map((l) => linkItem(doc, l.label, l.url));
      const list = el(doc, 'ul', { class: 'sb-links' }, items);
      return message.text ? el(doc, 'div', {}, [el(doc, 'p', { class: 'sb-text' }, [message.text]), list]) : list;
    }
    case 'event': {
      const word = labels.events[message.text ?? ''];
      return el(doc, 'p', { class: 'sb-text' }, [word ? word(message.agentName ?? '') : (message.text ?? '')]);
    }
  }
}

/**
 * One transcript message as a DOM element, for the widget and the editor preview alike.
 * Every piece of message content goes in as text: markup in a message stays visible text.
 */
export function renderMessage(doc: Document, message: ChatMessage, options: MessageRenderOptions = {}): HTMLElement {
  const labels = options.labels ?? labelsFor('en');
  const botName = options.botName ?? labels.bot;
  const side = message.from === 'customer' ? 'out' : message.from === 'system' ? 'center' : 'in';
  const item = el(doc, 'div', {
    class: `sb-msg sb-msg-${message.from} sb-msg-${side}`,
    'data-id': String(message.id),
    'data-from': message.from,
    'data-kind': message.kind,
  });
  const name = senderName(message, labels, botName);
  // Screen readers hear who speaks; sighted users see it from the bubble's side and the header.
  if (name) item.append(el(doc, 'span', { class: 'sb-sender' }, [name]));
  const bubble = el(doc, 'div', { class: 'sb-bubble' }, [body(doc, message, labels)]);
  item.append(bubble);
  return item;
}
