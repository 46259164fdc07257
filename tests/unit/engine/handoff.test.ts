import { describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../../runtime/src/schema';
import { NOW, begin, ctxAt, edge, eventNamed, eventNames, flowOf, say, send, startTo, texts } from './helpers';

type SettingsInput = NonNullable<FlowDocumentInput['settings']>;

function handoffFlow(opts: { offline?: boolean; resolved?: boolean; settings?: SettingsInput } = {}) {
  return flowOf({
    variables: [{ name: 'order', type: 'string', default: 'ORD-1' }],
    settings: { ...opts.settings, handoff: { offlineText: 'We are closed.' } },
    nodes: [
      ...startTo('h').nodes,
      { id: 'h', type: 'handoff', data: { text: 'Connecting you to {{order}} team', queue: 'billing', priority: 'high', note: 'Order {{order}}' } },
      { id: 'back', type: 'message', data: { text: 'Back with the bot' } },
      { id: 'off', type: 'message', data: { text: 'Leave a message' } },
    ],
    edges: [
      ...startTo('h').edges,
      ...(opts.resolved === false ? [] : [edge('h', 'back', 'resolved')]),
      ...(opts.offline ? [edge('h', 'off', 'offline')] : []),
    ],
  });
}

const weekdays9to17 = {
  enabled: true,
  timezone: 'Europe/Warsaw',
  weekly: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, open: '09:00', close: '17:00' })),
};

describe('handoff node', () => {
  it('hands off: says the text, emits the handoff effect and parks the session', () => {
    const r = begin(handoffFlow());
    expect(texts(r)).toEqual(['Connecting you to ORD-1 team']);
    expect(r.effects).toContainEqual({ type: 'handoff', nodeId: 'h', queue: 'billing', priority: 'high', note: 'Order ORD-1' });
    expect(eventNamed(r, 'handedOff')).toEqual({ name: 'handedOff', at: NOW, nodeId: 'h', data: { queue: 'billing' } });
    expect(r.session.status).toBe('handedOff');
    expect(r.session.nodeId).toBe('h');
    expect(r.input).toEqual({ type: 'none' });
  });

  it('defaults the priority to normal and the note to empty', () => {
    const flow = flowOf({
      nodes: [...startTo('h').nodes, { id: 'h', type: 'handoff', data: { text: '', queue: 'support' } }],
      edges: startTo('h').edges,
    });
    const r = begin(flow);
    expect(r.effects).toContainEqual({ type: 'handoff', nodeId: 'h', queue: 'support', priority: 'normal', note: '' });
    expect(r.outputs).toEqual([]);
  });

  it('forwards customer messages to the agent without bot replies', () => {
    const flow = handoffFlow();
    const later = NOW + 5 * 60 * 60_000; // long past the session timeout: no expiry while handed off
    const r = say(flow, begin(flow).session, 'Hello, anyone?', ctxAt(later));
    expect(r.outputs).toEqual([]);
    expect(r.effects).toContainEqual({ type: 'forwardToAgent', text: 'Hello, anyone?' });
    expect(eventNames(r)).toEqual(['inputReceived']);
    expect(r.session.status).toBe('handedOff');
    expect(r.session.lastActivityAt).toBe(later);
  });

  it('continues at resolved when the agent returns the conversation', () => {
    const flow = handoffFlow();
    const r = send(flow, begin(flow).session, { type: 'handoffReturned' });
    expect(eventNames(r)[0]).toBe('handoffReturned');
    expect(texts(r)).toEqual(['Back with the bot']);
    expect(r.session.status).toBe('completed');
  });

  it('completes when resolved is not connected', () => {
    const flow = handoffFlow({ resolved: false });
    const r = send(flow, begin(flow).session, { type: 'handoffReturned' });
    expect(r.session.status).toBe('completed');
    expect(eventNames(r)).toContain('completed');
  });

  it('continues at offline when the host finds nobody for a parked handoff', () => {
    const flow = handoffFlow({ offline: true });
    const r = send(flow, begin(flow).session, { type: 'handoffUnavailable' });
    expect(eventNamed(r, 'handoffOffline')?.data).toEqual({ reason: 'noAgents', queue: 'billing' });
    expect(texts(r)).toEqual(['Leave a message']);
  });

  it('closes from any status', () => {
    const flow = handoffFlow();
    const r = send(flow, begin(flow).session, { type: 'close' });
    expect(r.session.status).toBe('completed');
    expect(r.session.nodeId).toBeNull();
    expect(eventNames(r)).toEqual(['completed']);
    const q = flowOf({
      nodes: [...startTo('q').nodes, { id: 'q', type: 'question', data: { text: '?', variable: 'v', inputKind: 'text' } }],
      edges: startTo('q').edges,
    });
    expect(send(q, begin(q).session, { type: 'close' }).session.status).toBe('completed');
  });

  it('goes offline with reason noAgents when no agent is available', () => {
    const flow = handoffFlow({ offline: true });
    const asked: string[] = [];
    const r = begin(flow, ctxAt(NOW, { agentsAvailable: (q) => (asked.push(q), false) }));
    expect(asked).toEqual(['billing']);
    expect(eventNamed(r, 'handoffOffline')?.data).toEqual({ reason: 'noAgents', queue: 'billing' });
    expect(r.effects.some((e) => e.type === 'handoff')).toBe(false);
    expect(texts(r)).toEqual(['Leave a message']);
  });

  it('goes offline with reason closed outside business hours', () => {
    const flow = handoffFlow({ offline: true, settings: { businessHours: weekdays9to17 } });
    const sunday = Date.UTC(2026, 10, 29, 12, 0);
    const r = begin(flow, ctxAt(sunday));
    expect(eventNamed(r, 'handoffOffline')?.data).toEqual({ reason: 'closed', queue: 'billing' });
    expect(texts(r)).toEqual(['Leave a message']);
    // Monday 11:00 Warsaw is open.
    expect(begin(flow, ctxAt(NOW)).session.status).toBe('handedOff');
  });

  it('ignores business hours when they are disabled', () => {
    const flow = handoffFlow({ settings: { businessHours: { ...weekdays9to17, enabled: false } } });
    expect(begin(flow, ctxAt(Date.UTC(2026, 10, 29, 12, 0))).session.status).toBe('handedOff');
  });

  it('without an offline branch says the offline text and completes', () => {
    const flow = handoffFlow({ settings: { businessHours: weekdays9to17 } });
    const r = begin(flow, ctxAt(Date.UTC(2026, 10, 29, 12, 0)));
    expect(texts(r)).toEqual(['We are closed.']);
    expect(r.session.status).toBe('completed');
    expect(eventNames(r)).toEqual(expect.arrayContaining(['handoffOffline', 'completed']));
  });

  it('ignores handoff signals when the session is not handed off', () => {
    const flow = flowOf({
      nodes: [...startTo('q').nodes, { id: 'q', type: 'question', data: { text: '?', variable: 'v', inputKind: 'text' } }],
      edges: startTo('q').edges,
    });
    const s = begin(flow).session;
    const r = send(flow, s, { type: 'handoffReturned' });
    expect(r.outputs).toEqual([]);
    expect(r.effects).toEqual([]);
    expect(r.session).toEqual({ ...s, turn: s.turn + 1 });
  });
});
