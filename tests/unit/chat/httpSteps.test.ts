import { describe, expect, it } from 'vitest';
import { settleHttpSteps, MAX_HTTP_STEPS_PER_TURN, type HttpStepRunner } from '../../../runtime/src/server/chat/httpSteps';
import type { FlowEdge } from '../../../runtime/src/schema';
import { begin, ctxAt, edge, flowOf, startTo, texts } from '../engine/helpers';
import { step } from '../../../runtime/src/engine';

function loopFlow() {
  return flowOf({
    nodes: [
      ...startTo('call').nodes,
      { id: 'call', type: 'httpRequest', data: { method: 'GET', url: 'https://x.example.com/{{n}}', headers: [], responseMapping: [{ path: 'n', variable: 'n' }] } },
      { id: 'done', type: 'end', data: { text: 'Stopped at {{n}}.' } },
    ],
    edges: [...startTo('call').edges, edge('call', 'call', 'success'), edge('call', 'done', 'error')],
  });
}

describe('settleHttpSteps', () => {
  it('answers each request in turn and caps a flow that loops through requests', async () => {
    const flow = loopFlow();
    const ctx = ctxAt();
    let calls = 0;
    const run: HttpStepRunner = async () => ({ ok: true, status: 200, json: { n: ++calls } });
    let latest = begin(flow, ctx);
    const result = await settleHttpSteps(latest, (input) => (latest = step(flow, latest.session, input, ctx)), run, { flowId: 'f', flowVersion: 1, sessionId: 's' });
    expect(calls).toBe(MAX_HTTP_STEPS_PER_TURN);
    expect(texts(result)).toEqual([`Stopped at ${MAX_HTTP_STEPS_PER_TURN}.`]);
    expect(result.effects.some((e) => e.type === 'http')).toBe(false);
  });

  it('takes error when the host cannot send requests', async () => {
    const flow = loopFlow();
    const ctx = ctxAt();
    let latest = begin(flow, ctx);
    const result = await settleHttpSteps(latest, (input) => (latest = step(flow, latest.session, input, ctx)), undefined, { flowId: 'f', flowVersion: 1, sessionId: 's' });
    expect(result.session.status).toBe('completed');
    const outcome = result.effects.find((e) => e.type === 'event' && e.event.name === 'httpResult');
    expect(outcome).toMatchObject({ event: { data: { ok: false, errorKind: 'unavailable' } } });
  });

  it('stops waiting for slow requests once the turn’s time budget is spent, taking the error output to an input', async () => {
    const flow = flowOf({
      variables: [{ name: 'order', type: 'string' }],
      nodes: [
        ...startTo('first').nodes,
        { id: 'first', type: 'httpRequest', data: { method: 'GET', url: 'https://x.example.com/a', headers: [], responseMapping: [] } },
        { id: 'second', type: 'httpRequest', data: { method: 'GET', url: 'https://x.example.com/b', headers: [], responseMapping: [] } },
        { id: 'ask', type: 'question', data: { text: 'Your order number?', variable: 'order', inputKind: 'text' } },
      ],
      edges: [...startTo('first').edges, edge('first', 'second', 'success'), edge('first', 'second', 'error'), edge('second', 'ask', 'success'), edge('second', 'ask', 'error')],
    });
    const ctx = ctxAt();
    let calls = 0;
    // A server that never answers: without the budget each step waits out its own timeout.
    const run: HttpStepRunner = () => {
      calls++;
      return new Promise(() => undefined);
    };
    let latest = begin(flow, ctx);
    const started = Date.now();
    const result = await settleHttpSteps(latest, (input) => (latest = step(flow, latest.session, input, ctx)), run, { flowId: 'f', flowVersion: 1, sessionId: 's' }, { budgetMs: 40 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(calls).toBe(1);
    expect(result.input).toMatchObject({ type: 'text', nodeId: 'ask' });
    const kinds = result.effects.flatMap((e) => (e.type === 'event' && e.event.name === 'httpResult' ? [e.event.data?.errorKind] : []));
    expect(kinds).toEqual(['timeout', 'timeout']);
  });

  it('never leaves the customer parked on a request: a flow whose errors lead to more requests is ended', async () => {
    const loopBoth: FlowEdge[] = [edge('call', 'call', 'success'), edge('call', 'call', 'error')];
    const flow = flowOf({
      nodes: [...startTo('call').nodes, { id: 'call', type: 'httpRequest', data: { method: 'GET', url: 'https://x.example.com/', headers: [], responseMapping: [] } }],
      edges: [...startTo('call').edges, ...loopBoth],
    });
    const ctx = ctxAt();
    let latest = begin(flow, ctx);
    const result = await settleHttpSteps(latest, (input) => (latest = step(flow, latest.session, input, ctx)), async () => ({ ok: false, errorKind: 'status', status: 500 }), {
      flowId: 'f',
      flowVersion: 1,
      sessionId: 's',
    });
    expect(result.session.status).toBe('completed');
    expect(result.input).toEqual({ type: 'none' });
    expect(result.effects.some((e) => e.type === 'http')).toBe(false);
  });
});
