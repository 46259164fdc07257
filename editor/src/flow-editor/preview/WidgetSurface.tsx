import { useEffect, useRef } from 'react';
import type { InputRequest, SessionStatus } from '@switchboard/runtime';
import { labelsFor, renderInput, renderMessage, WIDGET_CSS } from '../../widget/render';
import { el } from '../../widget/render/dom';
import { readableOn } from '../../widget/embedOptions';
import type { ChatMessage, CustomerReply } from '../../widget/types';
import { PREVIEW_LAYOUT_CSS } from './previewWidgetCss';

export interface WidgetSurfaceProps {
  messages: readonly ChatMessage[];
  input: InputRequest;
  status: SessionStatus;
  locale: string;
  title: string;
  color: string;
  onReply: (reply: CustomerReply) => void;
}

const FREE_TEXT: InputRequest = { type: 'text', nodeId: '', inputKind: 'text' };

interface Parts {
  root: HTMLElement;
  title: HTMLElement;
  subtitle: HTMLElement;
  log: HTMLElement;
  composer: HTMLElement;
}

/** Builds the widget's window once inside a shadow root, as the embed does, so page CSS stays out. */
function mount(host: HTMLElement): Parts {
  const doc = host.ownerDocument;
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const title = el(doc, 'h2', { class: 'sb-title' });
  const subtitle = el(doc, 'p', { class: 'sb-subtitle', 'aria-live': 'polite' });
  const header = el(doc, 'div', { class: 'sb-header' }, [el(doc, 'div', { class: 'sb-heading' }, [title, subtitle])]);
  const log = el(doc, 'div', { class: 'sb-log', role: 'log', 'aria-live': 'polite', tabindex: '0' });
  const composer = el(doc, 'div', { class: 'sb-composer' });
  const root = el(doc, 'div', { class: 'sb-root sb-preview' }, [el(doc, 'section', { class: 'sb-window' }, [header, log, composer])]);
  shadow.replaceChildren(el(doc, 'style', {}, [WIDGET_CSS + PREVIEW_LAYOUT_CSS]), root);
  return { root, title, subtitle, log, composer };
}

/**
 * The customer's chat window, drawn by the production widget's own renderers: what the preview
 * shows is exactly what a customer will see. React owns only the host element.
 */
export function WidgetSurface({ messages, input, status, locale, title, color, onReply }: WidgetSurfaceProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const partsRef = useRef<Parts | null>(null);
  const replyRef = useRef(onReply);
  replyRef.current = onReply;

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const parts = (partsRef.current ??= mount(host));
    const labels = labelsFor(locale);
    const doc = host.ownerDocument;
    host.style.setProperty('--sb-primary', color);
    host.style.setProperty('--sb-on-primary', readableOn(color));
    parts.title.textContent = title;
    parts.subtitle.textContent = status === 'handedOff' ? labels.waitingForAgent : '';
    parts.log.replaceChildren(...messages.map((m) => renderMessage(doc, m, { labels, botName: title })));
    const ended = status === 'completed' || status === 'expired';
    // With nothing asked, a customer can still write: to the agent during a handoff, or to
    // start over after the end, as in production.
    const free = input.type === 'none' && status !== 'active' && status !== 'waiting';
    const answer = renderInput(doc, free ? FREE_TEXT : input, { send: (reply) => replyRef.current(reply) }, { labels });
    const notice = ended ? [el(doc, 'p', { class: 'sb-ended' }, [status === 'expired' ? labels.expired : labels.ended])] : [];
    parts.composer.replaceChildren(...notice, answer);
    parts.log.scrollTop = parts.log.scrollHeight;
  }, [messages, input, status, locale, title, color]);

  return <div ref={hostRef} className="pv-widget" data-preview-widget="" />;
}
