import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../runtime/src/validator';
import { condition, e, end, flow, message, n, only, start, ignoringRetryExits } from './build';

describe('duplicate ids', () => {
  it('reports two nodes with the same id', () => {
    const problems = validateFlow(
      flow([start(), message('m', 'First'), message('m', 'Second'), end()], [e('start', 'next', 'm'), e('m', 'next', 'end')]),
    );
    const found = only(problems, 'duplicate-id');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', nodeId: 'm' })]);
    expect(found[0]!.message).toContain('"Second"');
    expect(found[0]!.message).toContain('"First"');
  });

  it('reports two edges with the same id', () => {
    const problems = validateFlow(flow([start(), message('m'), end()], [e('start', 'next', 'm', 'same'), e('m', 'next', 'end', 'same')]));
    expect(only(problems, 'duplicate-id')).toEqual([expect.objectContaining({ edgeId: 'same' })]);
  });

  it('reports option ids repeated within a choice, and reserved ones', () => {
    const c = n('choice', 'c', {
      text: 'Pick',
      options: [
        { id: 'a', label: 'One' },
        { id: 'a', label: 'Two' },
        { id: 'noMatch', label: 'Three' },
      ],
    });
    const problems = validateFlow(flow([start(), c, end()], [e('start', 'next', 'c'), e('c', 'a', 'end'), e('c', 'noMatch', 'end')]));
    expect(only(problems, 'duplicate-id').map((p) => p.handle)).toEqual(['a', 'noMatch']);
  });

  it('reports branch ids repeated within a condition', () => {
    const k = condition('k', [
      { id: 'b', label: 'One', match: 'all', rules: [] },
      { id: 'b', label: 'Two', match: 'all', rules: [] },
    ]);
    const problems = validateFlow(flow([start(), k, end()], [e('start', 'next', 'k'), e('k', 'b', 'end')]));
    expect(only(problems, 'duplicate-id')).toEqual([expect.objectContaining({ nodeId: 'k', handle: 'b' })]);
  });

  it('allows the same option id in two different choices', () => {
    const c1 = n('choice', 'c1', { text: 'Pick', options: [{ id: 'yes', label: 'Yes' }] });
    const c2 = n('choice', 'c2', { text: 'Sure?', options: [{ id: 'yes', label: 'Yes' }] });
    const problems = validateFlow(
      flow([start(), c1, c2, end()], [e('start', 'next', 'c1'), e('c1', 'yes', 'c2'), e('c2', 'yes', 'end')]),
    );
    expect(ignoringRetryExits(problems)).toEqual([]);
  });
});
