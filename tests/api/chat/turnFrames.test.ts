import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { turnFrameSender } from '../../../api/src/ws/turnFrames';
import type { CustomerEvent } from '../../../runtime/src/chat/chatEvents';
import type { TranscriptMessage } from '../../../runtime/src/chat/messages';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';
import { startTestServer, type TestServer } from './support/testServer';
import { openSocket, wsUrl } from './support/wsClient';

const msg = (id: number, text: string): TranscriptMessage => ({ id, from: 'bot', kind: 'text', text, at: '2026-01-01T00:00:00.000Z' });
const status: Extract<CustomerEvent, { type: 'status' }> = { type: 'status', status: 'waiting', input: { type: 'none' } };

describe('turnFrameSender', () => {
  it('sends a turn’s messages and its status as one frame', async () => {
    const sent: unknown[] = [];
    const onEvent = turnFrameSender((f) => sent.push(f));
    onEvent({ type: 'message', message: msg(1, 'a') });
    onEvent({ type: 'message', message: msg(2, 'b') });
    onEvent(status);
    await Promise.resolve();
    expect(sent).toEqual([{ type: 'turn', messages: [msg(1, 'a'), msg(2, 'b')], status: 'waiting', input: { type: 'none' } }]);
  });

  it('sends messages without a status behind them on their own, keeping order with typing flags', async () => {
    const sent: { type: string }[] = [];
    const onEvent = turnFrameSender((f) => sent.push(f));
    onEvent({ type: 'message', message: msg(5, 'agent says') });
    onEvent({ type: 'typing', from: 'agent', typing: true });
    onEvent({ type: 'message', message: msg(6, 'later') });
    expect(sent.map((f) => f.type)).toEqual(['message', 'typing']);
    await Promise.resolve();
    expect(sent).toEqual([
      { type: 'message', message: msg(5, 'agent says') },
      { type: 'typing', from: 'agent', typing: true },
      { type: 'message', message: msg(6, 'later') },
    ]);
  });
});

describe('customer socket frames', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    await s.publish(chatFlowDocument());
  });
  afterAll(async () => {
    await s.stop();
  });

  async function started() {
    const res = await s.http.post('/api/chat/flow-chat/sessions').expect(201);
    return res.body as { sessionId: string; sessionToken: string };
  }

  it('with frames=turn, answers each message with one frame carrying the new messages and status', async () => {
    const c = await started();
    const socket = await openSocket(wsUrl(s.url, `/api/chat/sessions/${c.sessionId}/ws?token=${c.sessionToken}&frames=turn`));
    await socket.waitFor((f) => f.type === 'status');
    socket.send({ type: 'message', optionId: 'loop' });
    const frame = await socket.waitFor<{ messages: TranscriptMessage[]; status: string; input: { type: string } }>((f) => f.type === 'turn');
    expect(frame.messages.map((m) => [m.from, m.text])).toEqual([
      ['customer', 'Again'],
      ['bot', 'What do you need?'],
    ]);
    expect(frame.status).toBe('waiting');
    expect(frame.input.type).toBe('choice');
    await new Promise((r) => setTimeout(r, 50));
    expect(socket.frames.map((f) => (f as { type: string }).type)).toEqual(['status', 'turn']);
    socket.close();
  });

  it('answers a message for a conversation erased while its socket was open with session_not_found, storing nothing', async () => {
    const c = await started();
    const socket = await openSocket(wsUrl(s.url, `/api/chat/sessions/${c.sessionId}/ws?token=${c.sessionToken}&frames=turn`));
    await socket.waitFor((f) => f.type === 'status');
    const store = s.running.deps.chat!.store;
    expect(await store.eraseConversations([c.sessionId])).toBe(1);
    socket.send({ type: 'message', optionId: 'loop' });
    const frame = await socket.waitFor<{ error: { code: string } }>((f) => f.type === 'error');
    expect(frame.error.code).toBe('session_not_found');
    expect(await store.get(c.sessionId)).toBeNull();
    expect(await store.listMessages(c.sessionId, 0)).toEqual([]);
    socket.close();
  });

  it('without it, keeps sending a frame per message and then the status', async () => {
    const c = await started();
    const socket = await openSocket(wsUrl(s.url, `/api/chat/sessions/${c.sessionId}/ws?token=${c.sessionToken}`));
    await socket.waitFor((f) => f.type === 'status');
    socket.send({ type: 'message', optionId: 'loop' });
    await socket.waitFor((f) => f.type === 'status' && socket.frames.length > 1);
    expect(socket.frames.map((f) => (f as { type: string }).type)).toEqual(['status', 'message', 'message', 'status']);
    socket.close();
  });
});
