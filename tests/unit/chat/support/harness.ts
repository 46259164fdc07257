import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ChatService } from '../../../../runtime/src/server/chat/chatService';
import { InMemoryChatEvents } from '../../../../runtime/src/chat/chatEvents';
import { SqliteConversationStore } from '../../../../api/src/storage/sqlite/sqliteConversationStore';
import { chatFlowDocument, MemoryFlowSource } from './chatFlow';

export interface Harness {
  dir: string;
  file: string;
  flows: MemoryFlowSource;
  store: SqliteConversationStore;
  events: InMemoryChatEvents;
  service: ChatService;
  clock: { now: number };
  reopen(): Harness;
  dispose(): Promise<void>;
}

/** A chat service over a real SQLite file in a temp dir, with a hand-driven clock. */
export function createHarness(existing?: { dir: string; flows: MemoryFlowSource; clock: { now: number } }): Harness {
  const dir = existing?.dir ?? mkdtempSync(path.join(tmpdir(), 'sb-chat-'));
  const file = path.join(dir, 'conversations.sqlite');
  const flows = existing?.flows ?? new MemoryFlowSource();
  if (!existing) flows.publish(chatFlowDocument());
  const clock = existing?.clock ?? { now: Date.UTC(2026, 2, 2, 10, 0) };
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
