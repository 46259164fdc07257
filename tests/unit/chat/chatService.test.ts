import { afterEach, describe, expect, it } from 'vitest';
import { ChatError } from '../../../runtime/src/chat/chatError';
import { chatFlowDocument } from './support/chatFlow';
import { createHarness, type Harness } from './support/harness';

let h: Harness;
afterEach(async () => {
  await h?.dispose();
});

async function rejection(p: Promise<unknown>): Promise<ChatError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ChatError);
  return err as ChatError;
}

describe('ChatService customer side', () => {
  it('starts on the live version with the greeting and the menu', async () => {
    h = createHarness();
    const started = await h.service.startConversation('flow-chat', { origin: null });
    expect(started.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(started.messages.map((m) => [m.id, m.from, m.text])).toEqual([
      [1, 'bot', 'Hello from v1'],
      [2, 'bot', 'What do you need?'],
    ]);
    expect(started.status).toBe('waiting');
    expect(started.input).toMatchObject({ type: 'choice', nodeId: 'menu' });
    const record = await h.store.get(started.sessionId);
    expect(record?.flowVersion).toBe(1);
    expect(record?.tokenHash.toString('base64url')).not.toContain(started.sessionToken);
  });

  it('records the option label as the customer message and continues the flow', async () => {
    h = createHarness();
    const s = await h.service.startConversation('flow-chat', { origin: null });
    const r1 = await h.service.sendMessage(s.sessionId, s.sessionToken, { optionId: 'order' });
    expect(r1.messages.map((m) => [m.id, m.from, m.text])).toEqual([
      [3, 'customer', 'Order status'],
      [4, 'bot', 'Your order number?'],
    ]);
    expect(r1.input).toMatchObject({ type: 'text', inputKind: 'text' });
    const r2 = await h.service.sendMessage(s.sessionId, s.sessionToken, { text: 'A-77' });
    expect(r2.messages.map((m) => m.text)).toEqual(['A-77', 'Thanks, order A-77 is on its way.']);
    expect(r2.status).toBe('completed');
    expect(r2.input).toEqual({ type: 'none' });

    const since = await h.service.getTranscript(s.sessionId, s.sessionToken, 3);
    expect(since.messages.map((m) => m.id)).toEqual([4, 5, 6]);
    expect(since.status).toBe('completed');
    const events = await h.store.listEvents(s.sessionId);
    expect(events.map((e) => e.name)).toContain('completed');
    expect(events.every((e) => e.flowVersion === 1 && e.flowId === 'flow-chat')).toBe(true);
  });

  it('refuses a wrong token, another session’s token and an unknown session', async () => {
    h = createHarness();
    const a = await h.service.startConversation('flow-chat', { origin: null });
    const b = await h.service.startConversation('flow-chat', { origin: null });
    expect((await rejection(h.service.sendMessage(a.sessionId, 'nope', { text: 'hi' }))).code).toBe('invalid_token');
    expect((await rejection(h.service.getTranscript(a.sessionId, b.sessionToken, 0))).code).toBe('invalid_token');
    expect((await rejection(h.service.getTranscript('missing', a.sessionToken, 0))).code).toBe('session_not_found');
  });

  it('refuses unpublished and unknown flows', async () => {
    h = createHarness();
    expect((await rejection(h.service.startConversation('nope', { origin: null }))).code).toBe('flow_not_found');
    h.flows.live.set('flow-chat', null);
    expect((await rejection(h.service.startConversation('flow-chat', { origin: null }))).code).toBe('flow_not_found');
  });

  it('keeps a running conversation on its version when a new one is published', async () => {
    h = createHarness();
    const old = await h.service.startConversation('flow-chat', { origin: null });
    h.flows.publish(chatFlowDocument({ greeting: 'Hello from v2' }));
    const fresh = await h.service.startConversation('flow-chat', { origin: null });
    expect(fresh.messages[0]?.text).toBe('Hello from v2');
    // "Again" loops back through the menu; typing after the end restarts at the greeting.
    await h.service.sendMessage(old.sessionId, old.sessionToken, { optionId: 'order' });
    await h.service.sendMessage(old.sessionId, old.sessionToken, { text: 'X1' });
    const restarted = await h.service.sendMessage(old.sessionId, old.sessionToken, { text: 'hi again' });
    expect(restarted.messages.map((m) => m.text)).toContain('Hello from v1');
    expect((await h.store.get(old.sessionId))?.flowVersion).toBe(1);
    expect((await h.store.get(fresh.sessionId))?.flowVersion).toBe(2);
  });

  it('reports an idle conversation as expired and restarts it on the next message', async () => {
    h = createHarness();
    const s = await h.service.startConversation('flow-chat', { origin: null });
    await h.service.sendMessage(s.sessionId, s.sessionToken, { optionId: 'order' });
    h.clock.now += 31 * 60_000;
    const view = await h.service.getTranscript(s.sessionId, s.sessionToken, 0);
    expect(view.status).toBe('expired');
    const next = await h.service.sendMessage(s.sessionId, s.sessionToken, { text: 'A-1' });
    expect(next.messages.map((m) => [m.from, m.kind, m.text])).toEqual([
      ['customer', 'text', 'A-1'],
      ['system', 'event', 'sessionExpired'],
      ['bot', 'text', 'Hello from v1'],
      ['bot', 'text', 'What do you need?'],
    ]);
    expect(next.status).toBe('waiting');
  });

  it('continues a conversation after a restart over the same database file', async () => {
    h = createHarness();
    const s = await h.service.startConversation('flow-chat', { origin: null });
    await h.service.sendMessage(s.sessionId, s.sessionToken, { optionId: 'order' });
    await h.store.close();
    const again = h.reopen();
    try {
      const r = await again.service.sendMessage(s.sessionId, s.sessionToken, { text: 'Z-9' });
      expect(r.messages.map((m) => m.text)).toEqual(['Z-9', 'Thanks, order Z-9 is on its way.']);
      expect(r.messages[0]?.id).toBe(5);
    } finally {
      await again.dispose();
    }
  });

  it('serialises concurrent turns of one conversation without losing any', async () => {
    h = createHarness();
    const s = await h.service.startConversation('flow-chat', { origin: null });
    await Promise.all(Array.from({ length: 10 }, () => h.service.sendMessage(s.sessionId, s.sessionToken, { optionId: 'loop' })));
    const all = await h.service.getTranscript(s.sessionId, s.sessionToken, 0);
    expect(all.messages.map((m) => m.id)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(all.messages.filter((m) => m.from === 'customer')).toHaveLength(10);
    expect((await h.store.get(s.sessionId))?.session.turn).toBe(11);
  });

  it('pushes every stored message and the new status to live subscribers', async () => {
    h = createHarness();
    const s = await h.service.startConversation('flow-chat', { origin: null });
    const seen: string[] = [];
    h.events.subscribeCustomer(s.sessionId, (e) => seen.push(e.type === 'message' ? `message:${e.message.text}` : e.type));
    await h.service.sendMessage(s.sessionId, s.sessionToken, { optionId: 'loop' });
    expect(seen).toEqual(['message:Again', 'message:What do you need?', 'status']);
  });
});
