import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../runtime/src/validator';
import { choice, e, end, flow, only, start } from './build';

describe('duplicate edges', () => {
  it('reports a second edge leaving the same output', () => {
    const problems = validateFlow(
      flow([start(), end('a'), end('b')], [e('start', 'next', 'a', 'first'), e('start', 'next', 'b', 'second')]),
    );
    expect(only(problems, 'duplicate-edge')).toEqual([
      expect.objectContaining({ severity: 'error', nodeId: 'start', edgeId: 'second', handle: 'next' }),
    ]);
  });

  it('counts a bare edge as leaving the default output', () => {
    const problems = validateFlow(flow([start(), end('a'), end('b')], [e('start', null, 'a'), e('start', 'next', 'b', 'dup')]));
    expect(only(problems, 'duplicate-edge').map((p) => p.edgeId)).toEqual(['dup']);
  });

  it('accepts one edge per output, several outputs to the same target', () => {
    const problems = validateFlow(
      flow([start(), choice('c', ['A', 'B']), end()], [e('start', 'next', 'c'), e('c', 'c-o1', 'end'), e('c', 'c-o2', 'end')]),
    );
    expect(only(problems, 'duplicate-edge')).toEqual([]);
  });
});
