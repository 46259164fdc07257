import { describe, expect, it } from 'vitest';
import { settleHttpSteps, MAX_HTTP_STEPS_PER_TURN, type HttpStepRunner } from '../../../runtime/src/server/chat/httpSteps';
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
});
