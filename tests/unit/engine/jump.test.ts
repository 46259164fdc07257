import { describe, expect, it } from 'vitest';
import { MAX_AUTOMATIC_STEPS } from '../../../runtime/src/engine';
import { begin, edge, eventNamed, events, flowOf, say, startTo, texts } from './helpers';

describe('jump node', () => {
  it('continues at its target without an edge, e.g. back to the menu', () => {
    const flow = flowOf({
      nodes: [
        ...startTo('menu').nodes,
        { id: 'menu', type: 'choice', data: { text: 'Menu', options: [{ id: 'faq', label: 'FAQ' }] } },
        { id: 'answer', type: 'message', data: { text: 'Here is the answer' } },
        { id: 'back', type: 'jump', data: { target: 'menu' } },
      ],
      edges: [...startTo('menu').edges, edge('menu', 'answer', 'faq'), edge('answer', 'back')],
    });
    const r = say(flow, begin(flow).session, 'faq');
    expect(texts(r)).toEqual(['Here is the answer', 'Menu']);
    expect(r.session.nodeId).toBe('menu');
    expect(r.session.status).toBe('waiting');
    expect(events(r).filter((e) => e.name === 'nodeEntered').map((e) => e.nodeId)).toEqual(['answer', 'back', 'menu']);
  });

  it('a jump cycle hits the step bound: error, fallback, completed, never a hang', () => {
    const flow = flowOf({
      settings: { fallbackText: 'Something went wrong.' },
      nodes: [
        ...startTo('a').nodes,
        { id: 'a', type: 'jump', data: { target: 'b' } },
        { id: 'b', type: 'jump', data: { target: 'a' } },
      ],
      edges: startTo('a').edges,
    });
    const r = begin(flow);
    expect(events(r).filter((e) => e.name === 'nodeEntered')).toHaveLength(MAX_AUTOMATIC_STEPS);
    expect(eventNamed(r, 'error')?.data).toEqual({ code: 'loopLimit' });
    expect(texts(r)).toEqual(['Something went wrong.']);
    expect(r.session.status).toBe('completed');
    expect(r.session.nodeId).toBeNull();
  });

  it('a cycle through messages and sets is cut at the bound too', () => {
    const flow = flowOf({
      variables: [{ name: 'i', type: 'number', default: 0 }],
      nodes: [
        ...startTo('inc').nodes,
        { id: 'inc', type: 'set', data: { assignments: [{ variable: 'i', value: 'i + 1', mode: 'math' }] } },
        { id: 'say', type: 'message', data: { text: '{{i}}' } },
      ],
      edges: [...startTo('inc').edges, edge('inc', 'say'), edge('say', 'inc')],
    });
    const r = begin(flow);
    expect(r.session.status).toBe('completed');
    // start + 99 more nodes alternating set/message: the set runs 50 times.
    expect(r.session.variables.i).toBe(MAX_AUTOMATIC_STEPS / 2);
    expect(texts(r).at(-1)).toBe("Sorry, I didn't get that.");
    expect(eventNamed(r, 'error')?.data?.code).toBe('loopLimit');
  });

  it('a jump to a node that does not exist ends with an error and the fallback', () => {
    const flow = flowOf({
      settings: { fallbackText: 'Sorry.' },
      nodes: [...startTo('j').nodes, { id: 'j', type: 'jump', data: { target: 'gone' } }],
      edges: startTo('j').edges,
    });
    const r = begin(flow);
    expect(eventNamed(r, 'error')).toMatchObject({ nodeId: 'j', data: { code: 'missingNode', target: 'gone' } });
    expect(texts(r)).toEqual(['Sorry.']);
    expect(r.session.status).toBe('completed');
  });
});
