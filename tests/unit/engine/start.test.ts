import { describe, expect, it } from 'vitest';
import { start } from '../../../runtime/src/engine';
import { NOW, begin, ctxAt, edge, eventNames, eventNamed, flowOf, startTo, texts } from './helpers';

describe('start node and start()', () => {
  const flow = flowOf({
    variables: [
      { name: 'name', type: 'string', default: 'friend' },
      { name: 'count', type: 'number', default: 0 },
      { name: 'email', type: 'string' },
    ],
    nodes: [...startTo('hello').nodes, { id: 'hello', type: 'message', data: { text: 'Hello {{name}}' } }, { id: 'q', type: 'question', data: { text: 'Email?', variable: 'email', inputKind: 'email' } }],
    edges: [...startTo('hello').edges, edge('hello', 'q')],
  });

  it('creates a session pinned to the flow and follows next until input is needed', () => {
    const r = begin(flow);
    expect(r.session).toEqual({
      id: 's1',
      flowId: 'flow-1',
      flowVersion: 1,
      status: 'waiting',
      nodeId: 'q',
      variables: { name: 'friend', count: 0 },
      retries: {},
      turn: 1,
      startedAt: NOW,
      lastActivityAt: NOW,
    });
    expect(texts(r)).toEqual(['Hello friend', 'Email?']);
    expect(r.input).toEqual({ type: 'text', nodeId: 'q', inputKind: 'email' });
  });

  it('emits sessionStarted and nodeEntered for every node, with its kind', () => {
    const r = begin(flow);
    expect(eventNames(r)).toEqual(['sessionStarted', 'nodeEntered', 'nodeEntered', 'nodeEntered']);
    expect(eventNamed(r, 'sessionStarted')).toEqual({ name: 'sessionStarted', at: NOW, data: { flowId: 'flow-1', flowVersion: 1 } });
    const entered = r.effects.flatMap((e) => (e.type === 'event' && e.event.name === 'nodeEntered' ? [e.event] : []));
    expect(entered.map((e) => [e.nodeId, e.data?.kind])).toEqual([
      ['start', 'start'],
      ['hello', 'message'],
      ['q', 'question'],
    ]);
  });

  it('lets init variables override defaults', () => {
    const r = start(flow, ctxAt(), { sessionId: 'x', flowVersion: null, variables: { name: 'Ola', email: 'o@example.com' } });
    expect(r.session.variables).toEqual({ name: 'Ola', count: 0, email: 'o@example.com' });
    expect(r.session.flowVersion).toBeNull();
    expect(texts(r)[0]).toBe('Hello Ola');
  });

  it('completes at once when the start node leads nowhere', () => {
    const r = begin(flowOf({ nodes: [{ id: 'start', type: 'start', data: {} }], edges: [] }));
    expect(r.session.status).toBe('completed');
    expect(r.session.nodeId).toBeNull();
    expect(eventNames(r)).toContain('completed');
    expect(r.input).toEqual({ type: 'none' });
  });

  it('answers with the fallback and an error when the flow has no start node', () => {
    const r = begin(flowOf({ nodes: [{ id: 'm', type: 'message', data: { text: 'hi' } }], edges: [], settings: { fallbackText: 'Oops' } }));
    expect(texts(r)).toEqual(['Oops']);
    expect(eventNamed(r, 'error')?.data).toEqual({ code: 'noStart' });
    expect(r.session.status).toBe('completed');
  });

  it('accepts an edge without sourceHandle from a single-output node', () => {
    const f = flowOf({
      nodes: [{ id: 'start', type: 'start', data: {} }, { id: 'm', type: 'message', data: { text: 'bare edge works' } }],
      edges: [{ id: 'e', source: 'start', sourceHandle: null, target: 'm' }],
    });
    expect(texts(begin(f))).toEqual(['bare edge works']);
  });
});
