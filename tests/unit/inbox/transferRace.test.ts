import { afterEach, describe, expect, it } from 'vitest';
import type { ChatError } from '../../../runtime/src/chat/chatError';
import { createHarnessOn, type StoreHarness } from '../chat/support/harness';
import { AVAILABLE_CONVERSATION_STORE_BACKENDS } from '../../support/conversationStores';

let h: StoreHarness;
afterEach(async () => {
  await h?.dispose();
});

const anna = { id: 'u-anna', name: 'Anna', canOverride: false };
const ben = { id: 'u-ben', name: 'Ben', canOverride: false };
const carl = { id: 'u-carl', name: 'Carl', canOverride: false };

async function waiting(harness: StoreHarness) {
  await harness.service.setAvailability(anna, 'online');
  const fresh = await harness.service.startConversation('flow-chat', { origin: null });
  await harness.service.sendMessage(fresh.sessionId, fresh.sessionToken, { optionId: 'human' });
  return fresh.sessionId;
}

describe.each(AVAILABLE_CONVERSATION_STORE_BACKENDS)('transfer against claims on $name', (backend) => {
  it('lets only one of a transfer to Ben and Carl’s claim take a waiting conversation', async () => {
    h = await createHarnessOn(backend);
    const id = await waiting(h);
    const results = await Promise.allSettled([h.service.transfer(id, anna, { agent: ben }), h.service.claim(id, carl)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(['already_claimed', 'assigned_to_other']).toContain((lost.reason as ChatError).code);
    const final = await h.service.getInboxConversation(id);
    expect(final.conversation.status).toBe('active');
    expect([ben.id, carl.id]).toContain(final.conversation.assignedAgent?.id);
  });

  it('never overwrites a handoff that changed after it was read', async () => {
    h = await createHarnessOn(backend);
    const id = await waiting(h);
    const record = (await h.store.get(id))!;
    await h.service.claim(id, carl);
    const stale = await h.store.reassign(
      id,
      { status: 'waiting', agentId: null },
      { ...record.handoff!, status: 'active', assignedAgent: { id: ben.id, name: ben.name }, claimedAt: h.clock.now },
      h.clock.now,
    );
    expect(stale).toBeNull();
    expect((await h.store.get(id))!.handoff!.assignedAgent).toEqual({ id: carl.id, name: carl.name });
  });

  it('sends a queue transfer back to waiting with a fresh waiting time, noted in the transcript', async () => {
    h = await createHarnessOn(backend);
    const id = await waiting(h);
    await h.service.claim(id, anna);
    h.clock.now += 120_000;
    const moved = await h.service.transfer(id, anna, { queue: 'sales' });
    expect(moved).toMatchObject({ status: 'waiting', queue: 'sales', assignedAgent: null, claimedAt: null, waitingSeconds: 0 });
    const { messages } = await h.service.getInboxConversation(id);
    expect(messages.at(-1)).toMatchObject({ from: 'system', kind: 'event', text: 'handoffRequested' });
    expect((await h.service.listInbox('waiting', 'sales')).map((c) => c.sessionId)).toEqual([id]);
  });
});
