import { afterEach, describe, expect, it } from 'vitest';
import type { InboxEvent } from '../../../runtime/src/chat/chatEvents';
import { ChatError } from '../../../runtime/src/chat/chatError';
import { createHarnessOn, type StoreHarness } from './support/harness';
import { AVAILABLE_CONVERSATION_STORE_BACKENDS } from '../../support/conversationStores';

let h: StoreHarness;
afterEach(async () => {
  await h?.dispose();
});

const anna = { id: 'u-anna', name: 'Anna', canOverride: false };
const ben = { id: 'u-ben', name: 'Ben', canOverride: false };
const admin = { id: 'u-admin', name: 'Ada', canOverride: true };

async function handedOff(harness: StoreHarness) {
  const fresh = await harness.service.startConversation('flow-chat', { origin: null });
  const r = await harness.service.sendMessage(fresh.sessionId, fresh.sessionToken, { optionId: 'human' });
  return { ...fresh, handoffResult: r };
}

describe.each(AVAILABLE_CONVERSATION_STORE_BACKENDS)('handoff queue on $name', (backend) => {
  it('takes the offline branch when no agent is online', async () => {
    h = await createHarnessOn(backend);
    const s = await h.service.startConversation('flow-chat', { origin: null });
    const r = await h.service.sendMessage(s.sessionId, s.sessionToken, { optionId: 'human' });
    expect(r.messages.map((m) => m.text)).toEqual(['Talk to a human', 'Nobody is online, we will email you.']);
    expect(r.status).toBe('completed');
    expect(await h.service.listInbox('waiting')).toEqual([]);
  });

  it('queues the conversation with its queue, priority and rendered note when an agent is online', async () => {
    h = await createHarnessOn(backend);
    await h.service.setAvailability(anna, 'online');
    const queue: InboxEvent[] = [];
    h.events.subscribeInbox((e) => queue.push(e));
    const s = await h.service.startConversation('flow-chat', { origin: null });
    const r = await h.service.sendMessage(s.sessionId, s.sessionToken, { optionId: 'human' });
    expect(r.status).toBe('handedOff');
    expect(r.messages.at(-1)?.text).toBe('Connecting you to a person…');
    const waiting = await h.service.listInbox('waiting');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ sessionId: s.sessionId, queue: 'billing', priority: 'high', note: 'Order ', status: 'waiting', flowName: 'Chat test flow' });
    expect(queue).toContainEqual({ type: 'queue', sessionId: s.sessionId, status: 'waiting', queue: 'billing', assignedAgentId: null });
    expect(await h.service.listInbox('waiting', 'other')).toEqual([]);
  });

  it('times the bot’s replies to customer messages, not messages sent on to an agent', async () => {
    h = await createHarnessOn(backend);
    await h.service.setAvailability(anna, 'online');
    const s = await h.service.startConversation('flow-chat', { origin: null });
    // Answered by the bot (it hands off): one reply timed. The greeting answers nothing.
    await h.service.sendMessage(s.sessionId, s.sessionToken, { optionId: 'human' });
    // Held for an agent now: the message goes to the queue, no bot reply.
    await h.service.sendMessage(s.sessionId, s.sessionToken, { text: 'hello?' });
    const facts = await h.store.analyticsFacts({ flowId: 'flow-chat', from: 0, to: Number.MAX_SAFE_INTEGER, activeSince: 0 });
    expect(facts.replyMs).toHaveLength(1);
    expect(facts.replyMs[0]).toBeGreaterThanOrEqual(0);
    expect(Number.isInteger(facts.replyMs[0])).toBe(true);
  });

  it('lets exactly one of two simultaneous claims win', async () => {
    h = await createHarnessOn(backend);
    await h.service.setAvailability(anna, 'online');
    const s = await handedOff(h);
    const results = await Promise.allSettled([h.service.claim(s.sessionId, anna), h.service.claim(s.sessionId, ben)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const reason = (lost[0] as PromiseRejectedResult).reason as ChatError;
    expect(reason.code).toBe('already_claimed');
    expect(reason.details).toEqual({ assignedAgent: { id: 'u-anna', name: 'Anna' } });
  });

  it('relays messages both ways, then returns to the bot at resolved', async () => {
    h = await createHarnessOn(backend);
    await h.service.setAvailability(anna, 'online');
    const s = await handedOff(h);
    const toCustomer: string[] = [];
    const toAgents: InboxEvent[] = [];
    h.events.subscribeCustomer(s.sessionId, (e) => {
      if (e.type === 'message') toCustomer.push(`${e.message.from}:${e.message.text}`);
    });
    h.events.subscribeInbox((e) => toAgents.push(e));
    await h.service.claim(s.sessionId, anna);
    const sent = await h.service.agentMessage(s.sessionId, anna, 'Hi, Anna here');
    expect(sent).toMatchObject({ from: 'agent', kind: 'text', agentName: 'Anna' });
    await expect(h.service.agentMessage(s.sessionId, ben, 'me too')).rejects.toMatchObject({ code: 'assigned_to_other' });

    const fromCustomer = await h.service.sendMessage(s.sessionId, s.sessionToken, { text: 'my card is stuck' });
    expect(fromCustomer.messages.map((m) => m.text)).toEqual(['my card is stuck']);
    expect(fromCustomer.status).toBe('handedOff');
    expect(toAgents).toContainEqual(
      expect.objectContaining({ type: 'message', sessionId: s.sessionId, assignedAgentId: 'u-anna', message: expect.objectContaining({ from: 'customer', text: 'my card is stuck' }) }),
    );

    const returned = await h.service.returnToBot(s.sessionId, anna);
    expect(returned).toMatchObject({ status: 'closed', resolution: 'returned' });
    expect(toCustomer).toEqual([
      'system:agentJoined',
      'agent:Hi, Anna here',
      'customer:my card is stuck',
      'system:returnedToBot',
      'bot:The bot is back. Anything else?',
      'bot:What do you need?',
    ]);
    const view = await h.service.getTranscript(s.sessionId, s.sessionToken, 0);
    expect(view.status).toBe('waiting');
    expect(view.input).toMatchObject({ type: 'choice', nodeId: 'menu' });
    expect(await h.service.listInbox('closed')).toHaveLength(1);
  });

  it('closes a conversation; an admin may act on another agent’s conversation', async () => {
    h = await createHarnessOn(backend);
    await h.service.setAvailability(anna, 'online');
    const s = await handedOff(h);
    await h.service.claim(s.sessionId, anna);
    await expect(h.service.close(s.sessionId, ben)).rejects.toMatchObject({ code: 'assigned_to_other' });
    const closed = await h.service.close(s.sessionId, admin);
    expect(closed).toMatchObject({ status: 'closed', resolution: 'closed', conversationStatus: 'completed' });
    await expect(h.service.close(s.sessionId, admin)).rejects.toMatchObject({ code: 'not_in_handoff' });
    await expect(h.service.claim(s.sessionId, ben)).rejects.toMatchObject({ code: 'not_waiting' });
  });

  it('shows agents the transcript and the captured variables', async () => {
    h = await createHarnessOn(backend);
    await h.service.setAvailability(anna, 'online');
    const s = await handedOff(h);
    const detail = await h.service.getInboxConversation(s.sessionId);
    expect(detail.conversation.variables).toEqual({});
    expect(detail.messages.map((m) => m.from)).toEqual(['bot', 'bot', 'customer', 'bot']);
    await h.service.setAvailability(anna, 'away');
    expect((await h.service.getAvailability(anna)).status).toBe('away');
  });
});
