import { describe, expect, it } from 'vitest';
import type { StepResult } from '../../../runtime/src/engine';
import { begin, ctxAt, edge, flowOf, say, send, startTo } from './helpers';

/** Each nodeEntered event as [node, from node, via handle]; the last two are absent without an edge. */
function entries(r: StepResult): [string | undefined, unknown, unknown][] {
  return r.effects.flatMap((e) =>
    e.type === 'event' && e.event.name === 'nodeEntered' ? [[e.event.nodeId, e.event.data?.fromNodeId, e.event.data?.viaHandle]] : [],
  ) as [string | undefined, unknown, unknown][];
}

const flow = flowOf({
  variables: [{ name: 'age', type: 'number' }],
  nodes: [
    ...startTo('hello').nodes,
    { id: 'hello', type: 'message', data: { text: 'Hi' } },
    {
      id: 'menu',
      type: 'choice',
      data: {
        text: 'Pick',
        options: [
          { id: 'red', label: 'Red' },
          { id: 'blue', label: 'Blue' },
        ],
      },
    },
    { id: 'ask', type: 'question', data: { text: 'Age?', variable: 'age', inputKind: 'number', maxRetries: 0 } },
    {
      id: 'cond',
      type: 'condition',
      data: {
        branches: [
          { id: 'young', label: 'Young', match: 'all', rules: [{ variable: 'age', op: 'lt', value: 18 }] },
          { id: 'old', label: 'Old', match: 'all', rules: [{ variable: 'age', op: 'gt', value: 65 }] },
        ],
      },
    },
    { id: 'agent', type: 'handoff', data: { text: 'Connecting', queue: 'q' } },
    { id: 'back', type: 'jump', data: { target: 'menu' } },
    { id: 'bye', type: 'end', data: { text: 'Bye' } },
  ],
  edges: [
    ...startTo('hello').edges,
    edge('hello', 'menu'),
    edge('menu', 'ask', 'red'),
    edge('menu', 'ask', 'blue'),
    edge('ask', 'cond', 'next'),
    edge('ask', 'agent', 'invalid'),
    edge('cond', 'agent', 'young'),
    edge('cond', 'agent', 'old'),
    edge('cond', 'bye', 'else'),
    edge('agent', 'back', 'resolved'),
    edge('agent', 'bye', 'offline'),
  ],
});

describe('nodeEntered names the edge it came by', () => {
  it('from the start, including an edge saved without a handle', () => {
    expect(entries(begin(flow))).toEqual([
      ['start', undefined, undefined],
      ['hello', 'start', 'next'],
      ['menu', 'hello', 'next'],
    ]);
  });

  it('from a node left in an earlier turn: the clicked or typed option', () => {
    const at = begin(flow).session;
    expect(entries(send(flow, at, { type: 'option', optionId: 'blue' }))).toEqual([['ask', 'menu', 'blue']]);
    expect(entries(say(flow, at, 'red'))).toEqual([['ask', 'menu', 'red']]);
  });

  it('through the branch that held, where several branches share a target', () => {
    const asked = send(flow, begin(flow).session, { type: 'option', optionId: 'red' }).session;
    expect(entries(say(flow, asked, '10'))).toEqual([
      ['cond', 'ask', 'next'],
      ['agent', 'cond', 'young'],
    ]);
    expect(entries(say(flow, asked, '70')).at(-1)).toEqual(['agent', 'cond', 'old']);
    expect(entries(say(flow, asked, '30')).at(-1)).toEqual(['bye', 'cond', 'else']);
    expect(entries(say(flow, asked, 'many'))).toEqual([['agent', 'ask', 'invalid']]);
  });

  it('from a handoff, and not from a jump, which follows no edge', () => {
    const asked = send(flow, begin(flow).session, { type: 'option', optionId: 'red' }).session;
    const handedOff = say(flow, asked, '10').session;
    expect(entries(send(flow, handedOff, { type: 'handoffReturned' }))).toEqual([
      ['back', 'agent', 'resolved'],
      ['menu', undefined, undefined],
    ]);
    expect(entries(send(flow, handedOff, { type: 'handoffUnavailable' }))).toEqual([['bye', 'agent', 'offline']]);
    const closed = say(flow, asked, '10', ctxAt(undefined, { agentsAvailable: () => false }));
    expect(entries(closed).at(-1)).toEqual(['bye', 'agent', 'offline']);
  });

  it('not across a restart: a new conversation enters the start by no edge', () => {
    const ended = say(flow, send(flow, begin(flow).session, { type: 'option', optionId: 'red' }).session, '30').session;
    expect(ended.status).toBe('completed');
    expect(entries(say(flow, ended, 'hello again'))[0]).toEqual(['start', undefined, undefined]);
  });
});
