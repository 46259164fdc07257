import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../runtime/src/validator';
import { choice, e, end, flow, linear, message, only, question, start, ignoringRetryExits } from './build';

describe('edge endpoints', () => {
  it('reports an edge from a missing node', () => {
    const { nodes, edges } = linear();
    const problems = validateFlow(flow(nodes, [...edges, e('ghost', 'next', 'end', 'x1')]));
    expect(only(problems, 'edge-missing-source')).toEqual([expect.objectContaining({ edgeId: 'x1', severity: 'error' })]);
  });

  it('reports an edge to a missing node, naming the source by its text', () => {
    const problems = validateFlow(flow([start(), message('m', 'Welcome to the shop')], [e('start', 'next', 'm'), e('m', 'next', 'ghost', 'x2')]));
    const [found] = only(problems, 'edge-missing-target');
    expect(found).toMatchObject({ edgeId: 'x2', nodeId: 'm', handle: 'next' });
    expect(found!.message).toContain('"Welcome to the shop"');
  });

  it('reports a handle the node does not have', () => {
    const problems = validateFlow(
      flow([start(), question('q', 'email'), end()], [e('start', 'next', 'q'), e('q', 'next', 'end'), e('q', 'sideways', 'end', 'x3')]),
    );
    expect(only(problems, 'edge-unknown-handle')).toEqual([
      expect.objectContaining({ edgeId: 'x3', nodeId: 'q', handle: 'sideways' }),
    ]);
  });

  it('allows a missing handle only on nodes with a single output', () => {
    const menu = choice('c', ['Orders', 'Returns']);
    const problems = validateFlow(
      flow(
        [start(), menu, end()],
        [e('start', null, 'c'), e('c', 'c-o1', 'end'), e('c', 'c-o2', 'end'), e('c', undefined, 'end', 'bare')],
      ),
    );
    expect(only(problems, 'edge-unknown-handle')).toEqual([expect.objectContaining({ edgeId: 'bare', nodeId: 'c' })]);
    expect(ignoringRetryExits(problems)).toHaveLength(1);
  });

  it('accepts edges whose ends and handles all exist', () => {
    const { nodes, edges } = linear(message('m'));
    expect(validateFlow(flow(nodes, edges))).toEqual([]);
  });
});
