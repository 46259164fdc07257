import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../runtime/src/validator';
import { choice, e, end, flow, jump, only, start, ignoringRetryExits } from './build';

describe('jump targets', () => {
  it('reports a jump to a node that does not exist', () => {
    const problems = validateFlow(flow([start(), jump('j', 'gone')], [e('start', 'next', 'j')]));
    expect(only(problems, 'jump-missing-target')).toEqual([
      expect.objectContaining({ severity: 'error', nodeId: 'j', message: expect.stringContaining('"gone"') }),
    ]);
  });

  it('accepts a jump back to a menu, and counts its target as reachable', () => {
    const problems = validateFlow(
      flow(
        [start(), jump('j', 'menu'), choice('menu', ['Again', 'Stop']), end()],
        [e('start', 'next', 'j'), e('menu', 'menu-o1', 'j'), e('menu', 'menu-o2', 'end')],
      ),
    );
    expect(ignoringRetryExits(problems)).toEqual([]);
  });
});
