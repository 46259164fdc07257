import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatApiError } from '../../../editor/src/widget/chatApi';
import { LiveChannel, type ConnectionState, type LiveEvent } from '../../../editor/src/widget/liveChannel';
import type { ChatView } from '../../../editor/src/widget/types';
import { FakeSocket, FakeSocketImpl, msg, settle } from './support/fakes';

const view = (id: number): ChatView => ({ messages: [msg(id)], input: { type: 'none' }, status: 'active' });

function channel(poll: () => Promise<ChatView>) {
  const events: LiveEvent[] = [];
  const views: ChatView[] = [];
  const states: ConnectionState[] = [];
  const fatal: ChatApiError[] = [];
  const live = new LiveChannel({
    socketUrl: 'ws://chat.test/ws',
    poll,
    onEvent: (e) => events.push(e),
    onView: (v) => views.push(v),
    onState: (s) => states.push(s),
    onFatal: (e) => fatal.push(e),
    WebSocketImpl: FakeSocketImpl,
    pollIntervalMs: 2500,
    // Top of each backoff step, so the expected delays are exact.
    random: () => 0.999999,
  });
  return { live, events, views, states, fatal };
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => vi.useRealTimers());

describe('LiveChannel', () => {
  it('delivers socket frames and catches up once when the socket opens', async () => {
    const poll = vi.fn(async () => view(3));
    const c = channel(poll);
    c.live.start();
    FakeSocket.last.open();
    await settle();
    expect(c.states.at(-1)).toBe('online');
    expect(poll).toHaveBeenCalledTimes(1);
    FakeSocket.last.push({ type: 'message', message: msg(4) });
    FakeSocket.last.push({ type: 'typing', from: 'agent', typing: true });
    FakeSocket.last.push({ type: 'error', error: { code: 'x' } });
    expect(c.events.map((e) => e.type)).toEqual(['message', 'typing']);
    // Connected: no polling.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(poll).toHaveBeenCalledTimes(1);
    c.live.stop();
  });

  it('unfolds a one-frame turn into its messages and then the status', async () => {
    const c = channel(vi.fn(async () => view(1)));
    c.live.start();
    FakeSocket.last.open();
    await settle();
    FakeSocket.last.push({ type: 'turn', messages: [msg(2), msg(3)], status: 'waiting', input: { type: 'none' } });
    expect(c.events).toEqual([
      { type: 'message', message: msg(2) },
      { type: 'message', message: msg(3) },
      { type: 'status', status: 'waiting', input: { type: 'none' } },
    ]);
    c.live.stop();
  });

  it('reconnects with exponential backoff and polls over HTTP meanwhile', async () => {
    const poll = vi.fn(async () => view(5));
    const c = channel(poll);
    c.live.start();
    FakeSocket.last.open();
    await settle();
    poll.mockClear();

    FakeSocket.last.drop();
    expect(FakeSocket.instances).toHaveLength(1);
    // The first poll goes out at once, then every 2.5 s.
    await vi.advanceTimersByTimeAsync(0);
    expect(poll).toHaveBeenCalledTimes(1);
    expect(c.states.at(-1)).toBe('online');

    await vi.advanceTimersByTimeAsync(999);
    expect(FakeSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.instances).toHaveLength(2);
    FakeSocket.last.drop();
    await vi.advanceTimersByTimeAsync(1999);
    expect(FakeSocket.instances).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.instances).toHaveLength(3);
    FakeSocket.last.drop();
    await vi.advanceTimersByTimeAsync(4000);
    expect(FakeSocket.instances).toHaveLength(4);
    expect(poll.mock.calls.length).toBeGreaterThanOrEqual(3);

    // Back up: polling stops and the backoff starts over.
    FakeSocket.last.open();
    await settle();
    const polls = poll.mock.calls.length;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(poll.mock.calls.length).toBe(polls);
    FakeSocket.last.drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.instances).toHaveLength(5);
    c.live.stop();
  });

  it('reports offline when neither the socket nor polling gets through, and recovers', async () => {
    let up = false;
    const poll = vi.fn(async () => {
      if (!up) throw new ChatApiError(0, 'network', 'down');
      return view(9);
    });
    const c = channel(poll);
    c.live.start();
    FakeSocket.last.drop();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.states.at(-1)).toBe('offline');
    up = true;
    await vi.advanceTimersByTimeAsync(2500);
    expect(c.states.at(-1)).toBe('online');
    expect(c.views.at(-1)!.messages[0]!.id).toBe(9);
    c.live.stop();
  });

  it('tries again at once when the browser reports the network is back', async () => {
    const c = channel(async () => view(1));
    c.live.start();
    FakeSocket.last.drop();
    await vi.advanceTimersByTimeAsync(1000);
    FakeSocket.last.drop();
    expect(FakeSocket.instances).toHaveLength(2);
    c.live.reconnectNow();
    expect(FakeSocket.instances).toHaveLength(3);
    c.live.stop();
  });

  it('gives up for good when the server no longer knows the conversation', async () => {
    const c = channel(async () => {
      throw new ChatApiError(404, 'session_not_found', 'gone');
    });
    c.live.start();
    FakeSocket.last.drop();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.fatal.map((e) => e.code)).toEqual(['session_not_found']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
  });

  it('sends frames only over an open socket', () => {
    const c = channel(async () => view(1));
    c.live.start();
    expect(c.live.send({ type: 'typing', typing: true })).toBe(false);
    FakeSocket.last.open();
    expect(c.live.send({ type: 'typing', typing: true })).toBe(true);
    expect(FakeSocket.last.sent).toEqual([{ type: 'typing', typing: true }]);
    c.live.stop();
    expect(FakeSocket.last.closed).toBe(true);
  });
});
