import { describe, expect, it } from 'vitest';
import { begin, edge, events, flowOf, say, startTo } from './helpers';

const goals = (r: ReturnType<typeof begin>) => events(r).filter((e) => e.name === 'goalReached');

describe('goal on a node', () => {
  // A menu whose "status" branch passes a goal node and jumps back to the menu.
  const flow = flowOf({
    nodes: [
      ...startTo('menu').nodes,
      { id: 'menu', type: 'choice', data: { text: 'Menu', options: [{ id: 'status', label: 'Status' }, { id: 'other', label: 'Other' }] } },
      { id: 'given', type: 'message', data: { text: 'Your order ships today', goal: { label: 'Order status given' } } },
      { id: 'back', type: 'jump', data: { target: 'menu' } },
      { id: 'plain', type: 'message', data: { text: 'Ok' } },
    ],
    edges: [...startTo('menu').edges, edge('menu', 'given', 'status'), edge('given', 'back'), edge('menu', 'plain', 'other'), edge('plain', 'back')],
  });

  it('records goalReached with its label when the conversation first enters the node', () => {
    const r = say(flow, begin(flow).session, 'status');
    expect(goals(r)).toEqual([{ name: 'goalReached', at: expect.any(Number), nodeId: 'given', data: { label: 'Order status given' } }]);
    expect(r.session.goalsReached).toEqual(['given']);
  });

  it('counts once per conversation: passing the goal again records nothing', () => {
    const first = say(flow, begin(flow).session, 'status');
    const second = say(flow, first.session, 'status');
    expect(events(second).filter((e) => e.name === 'nodeEntered').map((e) => e.nodeId)).toContain('given');
    expect(goals(second)).toEqual([]);
    // The session survives JSON with what it reached.
    const third = say(flow, JSON.parse(JSON.stringify(second.session)), 'status');
    expect(goals(third)).toEqual([]);
  });

  it('records nothing on a path that passes no goal, and leaves the caller’s session untouched', () => {
    const started = begin(flow);
    const r = say(flow, started.session, 'other');
    expect(goals(r)).toEqual([]);
    expect(r.session.goalsReached).toBeUndefined();
    const reached = say(flow, started.session, 'status');
    expect(started.session.goalsReached).toBeUndefined();
    expect(reached.session.goalsReached).toEqual(['given']);
  });
});
