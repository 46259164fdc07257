import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../runtime/src/validator';
import { condition, e, end, flow, linear, only, question, start, ignoringRetryExits } from './build';

describe('invalid patterns', () => {
  it('reports a question pattern that does not compile, with the reason', () => {
    const { nodes, edges } = linear(question('q', 'order', { pattern: '([0-9]{6}' }));
    const found = only(validateFlow(flow(nodes, edges)), 'invalid-pattern');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', nodeId: 'q' })]);
    expect(found[0]!.message).toMatch(/not a valid regular expression \(Unterminated group\)/);
  });

  it('reports a condition matches rule that does not compile, on its branch', () => {
    const cond = condition('k', [{ id: 'b', label: 'Bad', match: 'all', rules: [{ variable: 'x', op: 'matches', value: '[a-' }] }]);
    const problems = validateFlow(
      flow([start(), cond, end()], [e('start', 'next', 'k'), e('k', 'b', 'end')], { variables: [{ name: 'x', type: 'string', default: '' }] }),
    );
    expect(only(problems, 'invalid-pattern')).toEqual([expect.objectContaining({ nodeId: 'k', handle: 'b' })]);
  });

  it('accepts valid patterns', () => {
    const cond = condition('k', [{ id: 'b', label: 'Ok', match: 'all', rules: [{ variable: 'x', op: 'matches', value: '^PL\\d+$' }] }]);
    const problems = validateFlow(
      flow(
        [start(), question('x', 'x', { pattern: '[A-Z]{2}\\d{6}' }), cond, end()],
        [e('start', 'next', 'x'), e('x', 'next', 'k'), e('k', 'b', 'end')],
      ),
    );
    expect(ignoringRetryExits(problems)).toEqual([]);
  });
});
