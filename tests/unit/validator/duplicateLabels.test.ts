import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../runtime/src/validator';
import { choice, e, end, flow, only, start, ignoringRetryExits } from './build';

function labels(...names: string[]) {
  const c = choice('c', names);
  const edges = [e('start', 'next', 'c'), ...c.data.options.map((o) => e('c', o.id, 'end'))];
  return validateFlow(flow([start(), c, end()], edges));
}

describe('duplicate labels', () => {
  it('reports option labels that differ only in case, accents and punctuation', () => {
    const found = only(labels('Zwrot towaru', 'Status', 'zwrot TOWARU!'), 'duplicate-label');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', nodeId: 'c', handle: 'c-o3' })]);
    expect(found[0]!.message).toContain(`'Zwrot towaru' and 'zwrot TOWARU!'`);
    expect(only(labels('Łódź', 'lodz'), 'duplicate-label')).toHaveLength(1);
  });

  it('accepts distinct labels', () => {
    expect(ignoringRetryExits(labels('Zwrot towaru', 'Zwrot pieniędzy', 'Status'))).toEqual([]);
  });
});
