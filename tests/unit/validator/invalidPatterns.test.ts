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

describe('patterns the linear-time engine cannot run', () => {
  it('warns about lookaround and back-references in questions and conditions', () => {
    const cond = condition('k', [{ id: 'b', label: 'Back', match: 'all', rules: [{ variable: 'x', op: 'matches', value: '(a)\\1' }] }]);
    const problems = validateFlow(
      flow(
        [start(), question('x', 'x', { pattern: '(?=\\d)\\w+' }), cond, end()],
        [e('start', 'next', 'x'), e('x', 'next', 'k'), e('k', 'b', 'end')],
      ),
    );
    const found = only(problems, 'unsupported-pattern');
    expect(found).toEqual([
      expect.objectContaining({ severity: 'warning', nodeId: 'x' }),
      expect.objectContaining({ severity: 'warning', nodeId: 'k', handle: 'b' }),
    ]);
    expect(found[0]!.message).toMatch(/lookaround or a back-reference/);
    expect(only(problems, 'invalid-pattern')).toEqual([]);
  });

  it('checks a condition pattern with its {{variables}} filled in as text', () => {
    const cond = condition('k', [{ id: 'b', label: 'Same', match: 'all', rules: [{ variable: 'x', op: 'matches', value: '^{{ y }}-\\d+$' }] }]);
    const problems = validateFlow(
      flow([start(), cond, end()], [e('start', 'next', 'k'), e('k', 'b', 'end')], {
        variables: [
          { name: 'x', type: 'string', default: '' },
          { name: 'y', type: 'string', default: '' },
        ],
      }),
    );
    expect(problems.filter((p) => p.code.endsWith('pattern'))).toEqual([]);
  });
});
