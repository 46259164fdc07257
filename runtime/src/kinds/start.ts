import type { KindRuntime } from './types';
import { NO_INPUT, NOTHING } from './helpers';
import { follow } from '../engine/follow';

export const startKind: KindRuntime<'start'> = {
  name: () => 'the start',
  texts: () => ({}),
  reads: NOTHING,
  writes: NOTHING,
  renameVariable: (data) => data,
  enter: (turn, node) => follow(turn, node.id, 'next'),
  answer: null,
  expectedInput: NO_INPUT,
};
