import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../runtime/src/validator';
import { e, end, flow, message, only, start } from './build';

describe('start count', () => {
  it('reports a flow without a start', () => {
    const problems = validateFlow(flow([message('m'), end()], [e('m', 'next', 'end')]));
    expect(only(problems, 'missing-start')).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('no start') }),
    ]);
    // Everything is unreachable without a start; the start is the one thing to fix.
    expect(only(problems, 'unreachable-node')).toEqual([]);
  });

  it('reports every start after the first', () => {
    const problems = validateFlow(
      flow([start('s1'), start('s2'), start('s3'), end()], [e('s1', 'next', 'end'), e('s2', 'next', 'end'), e('s3', 'next', 'end')]),
    );
    expect(only(problems, 'multiple-starts').map((p) => p.nodeId)).toEqual(['s2', 's3']);
    expect(only(problems, 'multiple-starts')[0]!.message).toContain('3 start steps');
  });

  it('accepts exactly one start', () => {
    const problems = validateFlow(flow([start(), end()], [e('start', 'next', 'end')]));
    expect(problems).toEqual([]);
  });
});
