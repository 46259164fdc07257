import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../runtime/src/validator';
import { choice, condition, e, end, flow, message, only, question, set, start, ignoringRetryExits } from './build';

describe('unconnected outputs', () => {
  it('reports a choice option that leads nowhere, by its label', () => {
    const problems = validateFlow(
      flow([start(), choice('c', ['Order status', 'Returns']), end()], [e('start', 'next', 'c'), e('c', 'c-o1', 'end')]),
    );
    const found = only(problems, 'unconnected-output');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', nodeId: 'c', handle: 'c-o2' })]);
    expect(found[0]!.message).toBe(`The option 'Returns' in the choice "How can I help?" is not connected to anything.`);
  });

  it("reports a question's unconnected next output", () => {
    const q = question('q', 'order', { text: 'What is your order number?' });
    const problems = validateFlow(flow([start(), q], [e('start', 'next', 'q')]));
    expect(only(problems, 'unconnected-output')).toEqual([
      expect.objectContaining({
        nodeId: 'q',
        handle: 'next',
        message: 'The "Answered" exit of the question "What is your order number?" is not connected to anything.',
      }),
    ]);
  });

  it('reports an unconnected condition branch and start', () => {
    const cond = condition('k', [{ id: 'vip', label: 'VIP', match: 'all', rules: [{ variable: 'tier', op: 'isSet' }] }]);
    const problems = validateFlow(flow([start(), cond], []));
    const found = only(problems, 'unconnected-output').map((p) => [p.nodeId, p.handle]);
    expect(found).toEqual([
      ['start', 'next'],
      ['k', 'vip'],
    ]);
  });

  it('does not require noMatch, invalid, else, or the next of a message or set step', () => {
    const cond = condition('k', [{ id: 'b', label: 'Any', match: 'any', rules: [{ variable: 'x', op: 'isSet' }] }]);
    const problems = validateFlow(
      flow(
        [start(), question('q', 'x'), choice('c', ['A']), cond, message('m'), set('s', [{ variable: 'y', value: 'v' }])],
        [e('start', 'next', 'q'), e('q', 'next', 'c'), e('c', 'c-o1', 'k'), e('k', 'b', 'm'), e('m', 'next', 's')],
      ),
    );
    expect(ignoringRetryExits(problems)).toEqual([]);
  });

  it('accepts a choice whose options are all connected', () => {
    const problems = validateFlow(
      flow([start(), choice('c', ['A', 'B']), end()], [e('start', 'next', 'c'), e('c', 'c-o1', 'end'), e('c', 'c-o2', 'end')]),
    );
    expect(ignoringRetryExits(problems)).toEqual([]);
  });
});
