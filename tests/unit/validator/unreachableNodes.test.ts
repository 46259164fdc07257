import { describe, expect, it } from 'vitest';
import { hasErrors, validateFlow } from '../../../runtime/src/validator';
import { e, end, flow, jump, message, only, start } from './build';

describe('unreachable nodes', () => {
  it('warns about a node no path from the start reaches', () => {
    const problems = validateFlow(
      flow([start(), end(), message('lost', 'Forgotten text'), end('e2')], [e('start', 'next', 'end'), e('lost', 'next', 'e2')]),
    );
    const found = only(problems, 'unreachable-node');
    expect(found.map((p) => p.nodeId)).toEqual(['lost', 'e2']);
    expect(found[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('"Forgotten text"') });
    expect(hasErrors(problems)).toBe(false);
  });

  it('follows jump targets', () => {
    const problems = validateFlow(flow([start(), jump('j', 'end'), end()], [e('start', 'next', 'j')]));
    expect(only(problems, 'unreachable-node')).toEqual([]);
  });
});
