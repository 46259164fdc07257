import type { KindRuntime } from './types';
import { NO_INPUT, NOTHING, quote, textMap, textsReads } from './helpers';
import { enterEnd } from '../engine/nodes/end';

export const endKind: KindRuntime<'end'> = {
  name: (node) => (node.data.text?.trim() ? `the end ${quote(node.data.text)}` : 'an end step'),
  texts: (node) => textMap([['text', node.data.text]]),
  reads: (node) => textsReads([node.data.text]),
  writes: NOTHING,
  renameVariable: (d, r) => (d.text !== undefined ? { text: r.template(d.text) } : {}),
  enter: enterEnd,
  answer: null,
  expectedInput: NO_INPUT,
};
