import { describe, expect, it } from 'vitest';
import { begin, ctxAt, edge, eventNamed, flowOf, say, send, startTo, texts } from './helpers';
import type { StepResult } from '../../../runtime/src/engine/types';

function httpFlow(opts: { error?: boolean } = {}) {
  return flowOf({
    variables: [
      { name: 'orderNumber', type: 'string' },
      { name: 'orderStatus', type: 'string' },
      { name: 'eta', type: 'string' },
      { name: 'lookupError', type: 'string' },
      { name: 'shop', type: 'string', default: 'main' },
    ],
    nodes: [
      ...startTo('ask').nodes,
      { id: 'ask', type: 'question', data: { text: 'Order number?', variable: 'orderNumber', inputKind: 'text' } },
      {
        id: 'lookup',
        type: 'httpRequest',
        data: {
          method: 'POST',
          url: 'https://shop.example.com/{{shop}}/orders/{{orderNumber}}',
          headers: [{ name: 'Authorization', value: 'Bearer {{secret.API_KEY}}' }],
          body: '{"order": "{{orderNumber}}", "key": "{{secret.API_KEY}}"}',
          responseMapping: [
            { path: '$.status', variable: 'orderStatus' },
            { path: '$.delivery.eta', variable: 'eta' },
          ],
          errorVariable: 'lookupError',
        },
      },
      { id: 'ok', type: 'end', data: { text: 'Your order is {{orderStatus}}, arriving {{eta}}.' } },
      { id: 'bad', type: 'end', data: { text: 'I could not check that right now ({{lookupError}}).' } },
    ],
    edges: [
      ...startTo('ask').edges,
      edge('ask', 'lookup', 'next'),
      edge('lookup', 'ok', 'success'),
      ...(opts.error === false ? [] : [edge('lookup', 'bad', 'error')]),
    ],
  });
}

function httpEffect(r: StepResult) {
  const effect = r.effects.find((e) => e.type === 'http');
  if (!effect || effect.type !== 'http') throw new Error('no http effect');
  return effect;
}

describe('HTTP request node', () => {
  it('emits the request with variables filled and secrets as placeholders, and parks the session', () => {
    const flow = httpFlow();
    const r = say(flow, begin(flow).session, 'AB/12 "x"');
    const { nodeId, request } = httpEffect(r);
    expect(nodeId).toBe('lookup');
    expect(request.url).toBe('https://shop.example.com/main/orders/AB%2F12%20%22x%22');
    expect(request.headers).toContainEqual({ name: 'Authorization', value: 'Bearer {{secret.API_KEY}}' });
    expect(JSON.parse(request.body!)).toEqual({ order: 'AB/12 "x"', key: '{{secret.API_KEY}}' });
    expect(request.secrets).toEqual(['API_KEY']);
    expect(request.timeoutMs).toBe(5000);
    expect(r.session).toMatchObject({ status: 'waiting', nodeId: 'lookup', wait: { kind: 'http' } });
    expect(r.input).toEqual({ type: 'none' });
    expect(texts(r)).toEqual([]);
  });

  it('marks secrets the host does not have', () => {
    const flow = httpFlow();
    const ctx = ctxAt(undefined, { secretNames: new Set(['OTHER']) });
    const r = say(flow, begin(flow, ctx).session, 'A1', ctx);
    expect(httpEffect(r).request.missingSecrets).toEqual(['API_KEY']);
  });

  it('maps the response into variables and follows success', () => {
    const flow = httpFlow();
    const parked = say(flow, begin(flow).session, 'A1').session;
    const r = send(flow, parked, { type: 'httpResult', nodeId: 'lookup', ok: true, status: 200, json: { status: 'shipped', delivery: { eta: 'Friday' } } });
    expect(texts(r)).toEqual(['Your order is shipped, arriving Friday.']);
    expect(r.session.variables).toMatchObject({ orderStatus: 'shipped', eta: 'Friday' });
    expect(r.session.wait).toBeUndefined();
    expect(eventNamed(r, 'httpResult')?.data).toEqual({ ok: true, status: 200 });
  });

  it('sets a path that finds nothing to null and notes it', () => {
    const flow = httpFlow();
    const parked = say(flow, begin(flow).session, 'A1').session;
    const r = send(flow, parked, { type: 'httpResult', nodeId: 'lookup', ok: true, status: 200, json: { status: 'new' } });
    expect(r.session.variables.eta).toBeNull();
    expect(eventNamed(r, 'httpResult')?.data).toMatchObject({ missing: 'eta' });
  });

  it('stores the error kind and follows error', () => {
    const flow = httpFlow();
    const parked = say(flow, begin(flow).session, 'A1').session;
    const r = send(flow, parked, { type: 'httpResult', nodeId: 'lookup', ok: false, errorKind: 'timeout' });
    expect(texts(r)).toEqual(['I could not check that right now (timeout).']);
    expect(r.session.variables.lookupError).toBe('timeout');
    expect(eventNamed(r, 'httpResult')?.data).toEqual({ ok: false, errorKind: 'timeout' });
  });

  it('says the generic fallback when error leads nowhere', () => {
    const flow = httpFlow({ error: false });
    const parked = say(flow, begin(flow).session, 'A1').session;
    const r = send(flow, parked, { type: 'httpResult', nodeId: 'lookup', ok: false, status: 500, errorKind: 'status' });
    expect(texts(r)).toEqual(["Sorry, I didn't get that."]);
    expect(r.session.status).toBe('completed');
  });

  it('ignores a result for another node or a session no longer waiting', () => {
    const flow = httpFlow();
    const parked = say(flow, begin(flow).session, 'A1').session;
    const wrong = send(flow, parked, { type: 'httpResult', nodeId: 'ask', ok: true, json: {} });
    expect(wrong.session).toMatchObject({ nodeId: 'lookup', wait: { kind: 'http' } });
    expect(wrong.outputs).toEqual([]);
    const done = send(flow, parked, { type: 'httpResult', nodeId: 'lookup', ok: true, json: { status: 'x' } }).session;
    const late = send(flow, done, { type: 'httpResult', nodeId: 'lookup', ok: false, errorKind: 'timeout' });
    expect(late.outputs).toEqual([]);
    expect(late.session.status).toBe('completed');
  });

  it('asks for a lost request again when the customer writes while it is outstanding', () => {
    const flow = httpFlow();
    const parked = say(flow, begin(flow).session, 'A1').session;
    const r = say(flow, parked, 'hello?');
    expect(httpEffect(r).request.url).toBe('https://shop.example.com/main/orders/A1');
    expect(r.outputs).toEqual([]);
    expect(r.session).toMatchObject({ status: 'waiting', wait: { kind: 'http' } });
  });

  it('keeps the parked session JSON-exact', () => {
    const flow = httpFlow();
    const parked = say(flow, begin(flow).session, 'A1').session;
    expect(JSON.parse(JSON.stringify(parked))).toStrictEqual(parked);
  });
});
