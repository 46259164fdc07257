import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../api/src/logger';
import { DAY_MS, RetentionSweeper } from '../../../api/src/privacy/retention';
import { DEFAULT_ORG_SETTINGS, type OrgSettings, type SettingsStore } from '../../../api/src/storage/settingsStore';
import type { AuditLog, NewAuditEntry } from '../../../api/src/storage/auditLog';
import { createHarnessOn, type StoreHarness } from './support/harness';
import { AVAILABLE_CONVERSATION_STORE_BACKENDS } from '../../support/conversationStores';

let h: StoreHarness;
afterEach(async () => {
  await h?.dispose();
});

function settingsWith(retentionDays: number | null): SettingsStore {
  let value: OrgSettings = { ...DEFAULT_ORG_SETTINGS, retentionDays };
  return {
    get: async () => value,
    set: async (next) => (value = next),
    isDone: async () => true,
    markDone: async () => undefined,
  };
}

function memoryAudit(): AuditLog & { entries: NewAuditEntry[] } {
  const entries: NewAuditEntry[] = [];
  return { entries, append: async (e) => void entries.push(e), list: async () => [], close: () => undefined };
}

async function finishedChat(h: StoreHarness, answer = 'A-1'): Promise<string> {
  const s = await h.service.startConversation('flow-chat', { origin: null });
  await h.service.sendMessage(s.sessionId, s.sessionToken, { optionId: 'order' });
  await h.service.sendMessage(s.sessionId, s.sessionToken, { text: answer });
  return s.sessionId;
}

function sweeper(h: StoreHarness, retentionDays: number | null, audit = memoryAudit(), batchSize = 2) {
  return new RetentionSweeper({
    store: h.store,
    settings: settingsWith(retentionDays),
    audit,
    logger: createLogger('silent'),
    clock: () => h.clock.now,
    batchSize,
  });
}

describe.each(AVAILABLE_CONVERSATION_STORE_BACKENDS)('retention on $name', (backend) => {
  it('deletes conversations idle longer than the setting, in batches, and keeps their counts', async () => {
    h = await createHarnessOn(backend);
    const old = [await finishedChat(h), await finishedChat(h), await finishedChat(h)];
    const startedDay = new Date(h.clock.now).toISOString().slice(0, 10);
    h.clock.now += 80 * DAY_MS;
    const recent = await finishedChat(h);
    h.clock.now += 11 * DAY_MS;

    const audit = memoryAudit();
    expect(await sweeper(h, 90, audit).runOnce()).toBe(3);
    for (const id of old) {
      expect(await h.store.get(id)).toBeNull();
      expect(await h.store.listMessages(id, 0)).toEqual([]);
      expect(await h.store.listEvents(id)).toEqual([]);
    }
    expect(await h.store.get(recent)).not.toBeNull();

    const counts = await h.store.dailyCounts('flow-chat');
    const metric = (name: string) => counts.find((c) => c.day === startedDay && c.metric === name)?.count;
    expect(metric('conversations.started')).toBe(3);
    expect(metric('conversations.completed')).toBe(3);
    expect(metric('events.completed')).toBe(3);
    expect(audit.entries).toMatchObject([{ action: 'retention.run', actor: { kind: 'system' }, detail: { deleted: 3, retentionDays: 90 } }]);
  });

  it('deletes nothing when retention is off (the default)', async () => {
    h = await createHarnessOn(backend);
    const id = await finishedChat(h);
    h.clock.now += 5000 * DAY_MS;
    const audit = memoryAudit();
    expect(await sweeper(h, null, audit).runOnce()).toBe(0);
    expect(await h.store.get(id)).not.toBeNull();
    expect(audit.entries).toEqual([]);
  });

  it('lets a customer in an erased conversation hear that it is gone', async () => {
    h = await createHarnessOn(backend);
    const s = await h.service.startConversation('flow-chat', { origin: null });
    expect(await h.store.eraseConversations([s.sessionId])).toBe(1);
    await expect(h.service.sendMessage(s.sessionId, s.sessionToken, { optionId: 'order' })).rejects.toMatchObject({ code: 'session_not_found' });
  });
});
