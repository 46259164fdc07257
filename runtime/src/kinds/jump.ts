import type { KindRuntime } from './types';
import { NO_INPUT, NOTHING, quote } from './helpers';

export const jumpKind: KindRuntime<'jump'> = {
  // Named by where it leads; `nameOf` names the target without this file knowing every kind.
  name(node, nodeById, nameOf) {
    const target = nodeById?.get(node.data.target);
    if (!target) return `the jump to ${quote(node.data.target)}`;
    return target.type === 'jump' ? 'a jump to another jump' : `the jump to ${nameOf(target)}`;
  },
  texts: () => ({}),
  reads: NOTHING,
  writes: NOTHING,
  renameVariable: (data) => data,
  enter: (_turn, node) => node.data.target,
  answer: null,
  expectedInput: NO_INPUT,
};
