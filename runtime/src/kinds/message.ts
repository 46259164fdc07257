import type { KindRuntime } from './types';
import { NO_INPUT, NOTHING, quote, textMap, textsReads, withText } from './helpers';
import { enterMessage } from '../engine/nodes/message';

export const messageKind: KindRuntime<'message'> = {
  name(node) {
    if (node.data.text.trim()) return withText('message', node.data.text);
    if (node.data.image) return node.data.image.alt.trim() ? `the image ${quote(node.data.image.alt)}` : 'a message with an image';
    return 'an empty message';
  },
  texts: (node) =>
    textMap([
      ['text', node.data.text],
      ['image.alt', node.data.image?.alt],
      ...(node.data.links ?? []).map((link, i) => [`links.${i}.label`, link.label] as const),
    ]),
  reads: (node) =>
    textsReads([node.data.text, node.data.image?.url, node.data.image?.alt, ...(node.data.links ?? []).flatMap((l) => [l.label, l.url])]),
  writes: NOTHING,
  renameVariable: (d, r) => ({
    ...d,
    text: r.template(d.text),
    ...(d.image ? { image: { url: r.template(d.image.url), alt: r.template(d.image.alt) } } : {}),
    ...(d.links ? { links: d.links.map((l) => ({ label: r.template(l.label), url: r.template(l.url) })) } : {}),
  }),
  enter: enterMessage,
  answer: null,
  expectedInput: NO_INPUT,
};
