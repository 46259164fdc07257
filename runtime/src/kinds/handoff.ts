import type { KindRuntime } from './types';
import { NO_INPUT, NOTHING, quote, textMap, textsReads } from './helpers';
import { enterHandoff } from '../engine/nodes/handoff';

export const handoffKind: KindRuntime<'handoff'> = {
  name: (node) => `the handoff to the ${quote(node.data.queue)} team`,
  // The note is for the agent, not the customer, but it is still text someone reads.
  texts: (node) =>
    textMap([
      ['text', node.data.text],
      ['note', node.data.note],
    ]),
  reads: (node) => textsReads([node.data.text, node.data.note]),
  writes: NOTHING,
  renameVariable: (d, r) => ({ ...d, text: r.template(d.text), ...(d.note !== undefined ? { note: r.template(d.note) } : {}) }),
  enter: enterHandoff,
  answer: null,
  expectedInput: NO_INPUT,
};
