import { describe, expect, it } from 'vitest';
import { createIndex, indexOf } from '../../../runtime/src/engine';
import { targetOf } from '../../../runtime/src/engine/flowIndex';
import { edge, flowOf, startTo } from './helpers';

describe('flow index', () => {
  const flow = flowOf({
    nodes: [
      ...startTo('c').nodes,
      { id: 'c', type: 'choice', data: { text: '?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] } },
      { id: 'x', type: 'end', data: {} },
      { id: 'y', type: 'end', data: {} },
    ],
    edges: [
      ...startTo('c').edges,
      edge('c', 'x', 'a'),
      edge('c', 'y', 'a'), // a second edge from the same handle: the first wins
      edge('c', 'y', null), // a bare edge from a multi-output node leads nowhere
      edge('ghost', 'x', 'next'),
    ],
  });

  it('is built once per flow object and cached', () => {
    expect(indexOf(flow)).toBe(indexOf(flow));
    expect(indexOf({ ...flow })).not.toBe(indexOf(flow));
  });

  it('maps source+handle to targets, bare edges to the default handle only', () => {
    const index = createIndex(flow);
    expect(targetOf(index, 'start', 'next')).toBe('c');
    expect(targetOf(index, 'c', 'a')).toBe('x');
    expect(targetOf(index, 'c', 'b')).toBeUndefined();
    expect(targetOf(index, 'ghost', 'next')).toBeUndefined();
    expect(index.startId).toBe('start');
    expect(index.optionLabels.get('b')).toBe('B');
  });
});
