import { describe, expect, it } from 'vitest';
import { currentInput, step } from '../../../runtime/src/engine';
import type { FlowDocument } from '../../../runtime/src/schema';
import { NOW, begin, ctxAt, edge, eventNamed, eventNames, flowOf, say, send, startTo, texts } from './helpers';

const MINUTE = 60_000;

function supportFlow(): FlowDocument {
  return flowOf({
    settings: { sessionTimeoutMinutes: 30, fallbackText: 'Sorry, let us start over.' },
    variables: [
      { name: 'name', type: 'string' },
      { name: 'visits', type: 'number', default: 0 },
    ],
    nodes: [
      ...startTo('hello').nodes,
      { id: 'hello', type: 'message', data: { text: 'Welcome!' } },
      { id: 'count', type: 'set', data: { assignments: [{ variable: 'visits', value: 'visits + 1', mode: 'math' }] } },
      { id: 'ask', type: 'question', data: { text: 'Your name?', variable: 'name', inputKind: 'text' } },
      { id: 'bye', type: 'end', data: { text: 'Bye {{name}}' } },
    ],
    edges: [...startTo('hello').edges, edge('hello', 'count'), edge('count', 'ask'), edge('ask', 'bye', 'next')],
  });
}

describe('session lifecycle', () => {
  it('never mutates the session passed in', () => {
    const flow = supportFlow();
    const s = begin(flow).session;
    const frozen = JSON.stringify(s);
    say(flow, s, 'Ola');
    say(flow, s, 'Ola', ctxAt(NOW + 5 * 60 * MINUTE));
    send(flow, s, { type: 'close' });
    expect(JSON.stringify(s)).toBe(frozen);
  });

  it('increments the turn on every call and tracks customer activity', () => {
    const flow = supportFlow();
    const r1 = begin(flow);
    const r2 = say(flow, r1.session, 'Ola', ctxAt(NOW + 10 * MINUTE));
    expect([r1.session.turn, r2.session.turn]).toEqual([1, 2]);
    expect(r2.session.lastActivityAt).toBe(NOW + 10 * MINUTE);
    expect(r2.session.startedAt).toBe(NOW);
  });

  it('within the timeout the answer is processed', () => {
    const flow = supportFlow();
    const r = say(flow, begin(flow).session, 'Ola', ctxAt(NOW + 30 * MINUTE));
    expect(texts(r)).toEqual(['Bye Ola']);
  });

  it('expires an idle session and starts afresh without processing the stale input', () => {
    const flow = supportFlow();
    const first = say(flow, begin(flow).session, '', ctxAt(NOW)); // a rejected answer leaves a retry count
    expect(first.session.retries).toEqual({ ask: 1 });
    const later = NOW + 31 * MINUTE;
    const r = say(flow, first.session, 'Ola', ctxAt(later));
    expect(eventNames(r).slice(0, 2)).toEqual(['expired', 'sessionStarted']);
    expect(eventNamed(r, 'expired')?.nodeId).toBe('ask');
    expect(texts(r)).toEqual(['Welcome!', 'Your name?']);
    expect(r.session).toMatchObject({
      id: 's1',
      status: 'waiting',
      nodeId: 'ask',
      variables: { visits: 1 },
      retries: {},
      turn: 3,
      startedAt: later,
      lastActivityAt: later,
    });
    expect(r.session.variables).not.toHaveProperty('name');
  });

  it('greets again when the customer writes after the conversation completed', () => {
    const flow = supportFlow();
    const done = say(flow, begin(flow).session, 'Ola');
    expect(done.session.status).toBe('completed');
    const r = say(flow, done.session, 'hello?', ctxAt(NOW + MINUTE));
    expect(eventNames(r)[0]).toBe('sessionStarted');
    expect(texts(r)).toEqual(['Welcome!', 'Your name?']);
    expect(r.session.variables).toEqual({ visits: 1 });
    expect(r.session.turn).toBe(3);
  });

  it('treats an externally expired session like a completed one', () => {
    const flow = supportFlow();
    const s = { ...begin(flow).session, status: 'expired' as const, nodeId: null };
    expect(texts(say(flow, s, 'hi'))).toEqual(['Welcome!', 'Your name?']);
    expect(send(flow, s, { type: 'handoffReturned' }).outputs).toEqual([]);
  });

  it('recovers when the current node was deleted from the flow, keeping variables', () => {
    const flow = supportFlow();
    const s = { ...begin(flow).session, nodeId: 'deleted-node', variables: { visits: 5, name: 'Ola' } };
    const r = say(flow, s, 'anything');
    expect(texts(r)).toEqual(['Sorry, let us start over.', 'Welcome!', 'Your name?']);
    expect(eventNamed(r, 'recovered')).toMatchObject({ nodeId: 'deleted-node', data: { missingNodeId: 'deleted-node' } });
    expect(r.session.variables).toEqual({ visits: 6, name: 'Ola' });
    expect(r.session.nodeId).toBe('ask');
  });

  it('recovers the same way when the session is not waiting at an input node', () => {
    const flow = supportFlow();
    const s = { ...begin(flow).session, status: 'active' as const, nodeId: 'hello' };
    const r = say(flow, s, 'hi');
    expect(eventNamed(r, 'recovered')?.data).toEqual({ reason: 'notWaiting', nodeId: 'hello' });
    expect(r.session.nodeId).toBe('ask');
  });

  it('recovers a handed-off session whose handoff node is gone when the agent returns it', () => {
    const flow = supportFlow();
    const s = { ...begin(flow).session, status: 'handedOff' as const, nodeId: 'old-handoff' };
    const r = send(flow, s, { type: 'handoffReturned' });
    expect(eventNamed(r, 'recovered')?.data).toEqual({ missingNodeId: 'old-handoff' });
    expect(r.session.status).toBe('waiting');
  });

  it('derives the expected input from the session alone, for reconnects', () => {
    const flow = supportFlow();
    const r = begin(flow);
    expect(currentInput(flow, JSON.parse(JSON.stringify(r.session)))).toEqual(r.input);
    expect(currentInput(flow, { ...r.session, nodeId: 'gone' })).toEqual({ type: 'none' });
    expect(currentInput(flow, { ...r.session, status: 'completed', nodeId: null })).toEqual({ type: 'none' });
  });

  it('alternates between completed and a fresh run when the customer keeps writing', () => {
    const flow = supportFlow();
    let s = begin(flow).session;
    const statuses: string[] = [];
    for (let i = 0; i < 4; i++) {
      s = step(flow, s, { type: 'text', text: `n${i}` }, ctxAt()).session;
      statuses.push(s.status);
    }
    expect(statuses).toEqual(['completed', 'waiting', 'completed', 'waiting']);
    expect(s.variables.visits).toBe(1);
    expect(s.turn).toBe(5);
  });
});
