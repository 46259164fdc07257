import { describe, expect, it } from 'vitest';
import { hasErrors, validateFlow } from '../../../runtime/src/validator';
import { e, end, flow, handoff, only, start } from './build';

describe('handoff outputs', () => {
  it('reports an unconnected resolved output as an error and a missing offline branch as a warning', () => {
    const problems = validateFlow(flow([start(), handoff('h', 'billing')], [e('start', 'next', 'h')]));
    expect(only(problems, 'handoff-resolved-unconnected')).toEqual([
      expect.objectContaining({ severity: 'error', nodeId: 'h', handle: 'resolved' }),
    ]);
    expect(only(problems, 'handoff-no-offline')).toEqual([
      expect.objectContaining({ severity: 'warning', nodeId: 'h', handle: 'offline' }),
    ]);
    expect(problems[0]!.message).toContain('"billing"');
  });

  it('a handoff with only resolved connected has a warning but no error', () => {
    const problems = validateFlow(flow([start(), handoff('h'), end()], [e('start', 'next', 'h'), e('h', 'resolved', 'end')]));
    expect(problems.map((p) => p.code)).toEqual(['handoff-no-offline']);
    expect(hasErrors(problems)).toBe(false);
  });

  it('accepts a handoff with both outputs connected', () => {
    const problems = validateFlow(
      flow([start(), handoff('h'), end()], [e('start', 'next', 'h'), e('h', 'resolved', 'end'), e('h', 'offline', 'end')]),
    );
    expect(problems).toEqual([]);
  });
});
