import { describe, expect, it } from 'vitest';
import { beginPreview, resolveHttp } from '../../../editor/src/flow-editor/preview/conversation';
import { flowDocumentSchema } from '../../../runtime/src/schema';
import { tickingContext } from './fixtures';

const flow = flowDocumentSchema.parse({
  schemaVersion: 2,
  id: 'http-preview',
  name: 'Order lookup',
  variables: [{ name: 'orderStatus', type: 'string' }],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'lookup',
      type: 'httpRequest',
      position: { x: 300, y: 0 },
      data: { method: 'GET', url: 'https://shop.example.com/orders/1', headers: [], responseMapping: [{ path: '$.status', variable: 'orderStatus' }] },
    },
    { id: 'found', type: 'message', position: { x: 600, y: 0 }, data: { text: 'Your order is {{orderStatus}}.' } },
    { id: 'failed', type: 'message', position: { x: 600, y: 200 }, data: { text: 'The shop is not answering.' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'lookup' },
    { id: 'e2', source: 'lookup', sourceHandle: 'success', target: 'found' },
    { id: 'e3', source: 'lookup', sourceHandle: 'error', target: 'failed' },
  ],
});

const botTexts = (c: { messages: { from: string; text?: string }[] }) => c.messages.filter((m) => m.from === 'bot').map((m) => m.text);

describe('HTTP-request steps in the preview', () => {
  it('waits for the server, then continues on success with the mapped variable', () => {
    const ctx = tickingContext();
    const waiting = beginPreview(flow, ctx);
    expect(waiting.pendingHttp).toEqual({ nodeId: 'lookup' });
    expect(botTexts(waiting)).toEqual([]);

    const done = resolveHttp(flow, waiting, { ok: true, status: 200, json: { status: 'shipped' } }, ctx);
    expect(done.pendingHttp).toBeNull();
    expect(botTexts(done)).toEqual(['Your order is shipped.']);
    expect(done.visitedEdgeIds).toContain('e2');
    expect(done.unreplayable).toBe('httpRequest');
    expect(done.steps).toEqual([{ input: null, expect: ['Your order is shipped.'] }]);
  });

  it('takes the error output when the request failed', () => {
    const ctx = tickingContext();
    const done = resolveHttp(flow, beginPreview(flow, ctx), { ok: false, errorKind: 'timeout' }, ctx);
    expect(botTexts(done)).toEqual(['The shop is not answering.']);
    expect(done.visitedEdgeIds).toContain('e3');
  });

  it('ignores an outcome when nothing is pending', () => {
    const ctx = tickingContext();
    const done = resolveHttp(flow, beginPreview(flow, ctx), { ok: false, errorKind: 'timeout' }, ctx);
    expect(resolveHttp(flow, done, { ok: true, json: {} }, ctx)).toBe(done);
  });
});
