import { el } from './dom';
import type { Labels } from './labels';

/** Three animated dots with a spoken equivalent ("Anna is typing…"). */
export function renderTyping(doc: Document, who: string, labels: Labels): HTMLElement {
  const dots = el(doc, 'span', { class: 'sb-dots', 'aria-hidden': 'true' }, [el(doc, 'i'), el(doc, 'i'), el(doc, 'i')]);
  return el(doc, 'div', { class: 'sb-typing', 'data-typing': who }, [
    el(doc, 'div', { class: 'sb-bubble' }, [dots]),
    el(doc, 'span', { class: 'sb-visually-hidden' }, [`${who} ${labels.typing}`]),
  ]);
}
