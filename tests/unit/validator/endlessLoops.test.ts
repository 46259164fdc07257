import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../runtime/src/validator';
import { choice, condition, e, end, flow, jump, message, only, question, set, start } from './build';

describe('endless loops', () => {
  it('reports messages that lead back to each other', () => {
    const problems = validateFlow(
      flow([start(), message('a', 'Ping'), message('b', 'Pong')], [e('start', 'next', 'a'), e('a', 'next', 'b'), e('b', 'next', 'a')]),
    );
    const found = only(problems, 'endless-loop');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', nodeId: 'a' })]);
    expect(found[0]!.message).toContain('"Ping"');
    expect(found[0]!.message).toContain('"Pong"');
  });

  it('reports a jump to itself', () => {
    const problems = validateFlow(flow([start(), jump('j', 'j')], [e('start', 'next', 'j')]));
    expect(only(problems, 'endless-loop')).toEqual([expect.objectContaining({ nodeId: 'j' })]);
  });

  it('reports a loop through a condition and a set step', () => {
    const k = condition('k', [{ id: 'more', label: 'More', match: 'all', rules: [{ variable: 'i', op: 'lt', value: 3 }] }]);
    const problems = validateFlow(
      flow(
        [start(), set('s', [{ variable: 'i', value: '{{i}} + 1', mode: 'math' }]), k, end()],
        [e('start', 'next', 's'), e('s', 'next', 'k'), e('k', 'more', 's'), e('k', 'else', 'end')],
        { variables: [{ name: 'i', type: 'number', default: 0 }] },
      ),
    );
    expect(only(problems, 'endless-loop')).toHaveLength(1);
  });

  it('accepts loops that wait for the customer', () => {
    const problems = validateFlow(
      flow(
        [start(), choice('menu', ['Again', 'Stop']), message('m', 'Sure'), jump('j', 'menu'), question('q', 'x'), end()],
        [
          e('start', 'next', 'menu'),
          e('menu', 'menu-o1', 'm'),
          e('m', 'next', 'j'),
          e('menu', 'menu-o2', 'q'),
          e('q', 'next', 'end'),
          e('q', 'invalid', 'q'),
          e('menu', 'noMatch', 'menu'),
        ],
      ),
    );
    expect(problems).toEqual([]);
  });

  it('handles a 10,000-step automatic chain that closes into a loop without overflowing', () => {
    const count = 10_000;
    const nodes = [start(), ...Array.from({ length: count }, (_, i) => message(`m${i}`, `Step ${i}`))];
    const edges = [e('start', 'next', 'm0'), ...Array.from({ length: count }, (_, i) => e(`m${i}`, 'next', `m${(i + 1) % count}`))];
    const found = only(validateFlow(flow(nodes, edges)), 'endless-loop');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('and 9996 more');
  });
});
