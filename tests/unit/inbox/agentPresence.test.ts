import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgentPresence, AWAY_GRACE_MS } from '../../../runtime/src/server/chat/agentPresence';
import { createHarness, type Harness } from '../chat/support/harness';

describe('AgentPresence', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const make = () => {
    const calls: [string, number][] = [];
    let now = 1_000;
    const presence = new AgentPresence({ markAway: async (id, since) => void calls.push([id, since]), now: () => now });
    return { presence, calls, advance: (ms: number) => ((now += ms), vi.advanceTimersByTime(ms)) };
  };

  it('marks an agent away 30 s after the last socket closed, not before', () => {
    const { presence, calls, advance } = make();
    presence.connected('anna');
    presence.disconnected('anna');
    advance(AWAY_GRACE_MS - 1);
    expect(calls).toEqual([]);
    advance(1);
    expect(calls).toEqual([['anna', 1_000]]);
  });

  it('waits for every tab of the agent to close', () => {
    const { presence, calls, advance } = make();
    presence.connected('anna');
    presence.connected('anna');
    presence.disconnected('anna');
    advance(AWAY_GRACE_MS * 2);
    expect(calls).toEqual([]);
    expect(presence.isConnected('anna')).toBe(true);
    presence.disconnected('anna');
    advance(AWAY_GRACE_MS);
    expect(calls.map(([id]) => id)).toEqual(['anna']);
  });

  it('forgets the grace period when the agent reconnects in time (a reload)', () => {
    const { presence, calls, advance } = make();
    presence.connected('anna');
    presence.disconnected('anna');
    advance(10_000);
    presence.connected('anna');
    advance(AWAY_GRACE_MS * 2);
    expect(calls).toEqual([]);
  });

  it('keeps agents apart and ignores disconnects after stop (shutdown)', () => {
    const { presence, calls, advance } = make();
    presence.connected('anna');
    presence.connected('ben');
    presence.disconnected('ben');
    presence.stop();
    presence.disconnected('anna');
    advance(AWAY_GRACE_MS * 2);
    expect(calls).toEqual([]);
  });
});

describe('ChatService.markAwayAfterDisconnect', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('sets an online agent away, so the next handoff takes the offline branch', async () => {
    await h.service.setAvailability({ id: 'a1', name: 'Anna' }, 'online');
    const since = h.clock.now;
    h.clock.now += AWAY_GRACE_MS;
    expect(await h.service.markAwayAfterDisconnect('a1', since)).toBe(true);
    expect((await h.service.getAvailability({ id: 'a1', name: 'Anna' })).status).toBe('away');
    expect(await h.store.countOnlineAgents()).toBe(0);
  });

  it('keeps a status the agent chose after the disconnect, and ignores unknown agents', async () => {
    const since = h.clock.now;
    h.clock.now += 5_000;
    await h.service.setAvailability({ id: 'a1', name: 'Anna' }, 'online');
    expect(await h.service.markAwayAfterDisconnect('a1', since)).toBe(false);
    expect((await h.service.getAvailability({ id: 'a1', name: 'Anna' })).status).toBe('online');
    expect(await h.service.markAwayAfterDisconnect('ghost', h.clock.now)).toBe(false);
  });
});
