import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ChatService } from '../../../../runtime/src/server/chat/chatService';
import { InMemoryChatEvents } from '../../../../runtime/src/chat/chatEvents';
import { SqliteConversationStore } from '../../../../api/src/storage/sqlite/sqliteConversationStore';
import type { ConversationStore } from '../../../../runtime/src/chat/conversationStore';
import type { StoreBackend } from '../../../support/conversationStores';
import { chatFlowDocument, MemoryFlowSource } from './chatFlow';

/** A chat service over a conversation store of any back end, with a hand-driven clock. */
export interface StoreHarness {
  flows: MemoryFlowSource;
  store: ConversationStore;
  events: InMemoryChatEvents;
  service: ChatService;
  clock: { now: number };
  dispose(): Promise<void>;
}

export interface Harness extends StoreHarness {
  dir: string;
  file: string;
  store: SqliteConversationStore;
  reopen(): Harness;
}

const START = Date.UTC(2026, 2, 2, 10, 0);

/** The harness on one of the CONVERSATION_STORE_BACKENDS, for service tests that run on each. */
export async function createHarnessOn(backend: StoreBackend): Promise<StoreHarness> {
  const opened = await backend.open();
  const flows = new MemoryFlowSource();
  flows.publish(chatFlowDocument());
  const clock = { now: START };
  const events = new InMemoryChatEvents();
  const service = new ChatService({ store: opened.store, flows, events, now: () => clock.now, random: () => 0.5 });
  return { flows, store: opened.store, events, service, clock, dispose: () => opened.dispose() };
}

/** A chat service over a real SQLite file in a temp dir, with a hand-driven clock. */
export function createHarness(existing?: { dir: string; flows: MemoryFlowSource; clock: { now: number } }): Harness {
  const dir = existing?.dir ?? mkdtempSync(path.join(tmpdir(), 'sb-chat-'));
  const file = path.join(dir, 'conversations.sqlite');
  const flows = existing?.flows ?? new MemoryFlowSource();
  if (!existing) flows.publish(chatFlowDocument());
  const clock = existing?.clock ?? { now: START };
  const store = SqliteConversationStore.open(file);
  const events = new InMemoryChatEvents();
  const service = new ChatService({ store, flows, events, now: () => clock.now, random: () => 0.5 });
  const h: Harness = {
    dir,
    file,
    flows,
    store,
    events,
    service,
    clock,
    reopen: () => createHarness({ dir, flows, clock }),
    dispose: async () => {
      await store.close();
      if (!existing) rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}
