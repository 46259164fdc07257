import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConversationStore } from '../../runtime/src/chat/conversationStore';
import { SqliteConversationStore } from '../../api/src/storage/sqlite/sqliteConversationStore';
import { PostgresConversationStore } from '../../api/src/storage/postgres/postgresConversationStore';
import { createTestDatabase, runPostgresTests } from './postgres';

export interface OpenedStores {
  store: ConversationStore;
  /**
   * A second store on the same data with its own connections, as another instance would have;
   * null for SQLite, where one process owns DATA_DIR.
   */
  another(): Promise<ConversationStore | null>;
  dispose(): Promise<void>;
}

export interface StoreBackend {
  name: string;
  /** True when the back end cannot run here (PostgreSQL outside CI without a server). */
  skip: boolean;
  open(): Promise<OpenedStores>;
}

/**
 * The ConversationStore implementations, for contract tests that run the same cases on each:
 * `describe.each(CONVERSATION_STORE_BACKENDS)('…', (backend) => …)` with `describe.skipIf(backend.skip)`.
 */
export const CONVERSATION_STORE_BACKENDS: StoreBackend[] = [
  {
    name: 'SQLite',
    skip: false,
    async open() {
      const dir = mkdtempSync(path.join(tmpdir(), 'sb-store-'));
      const store = SqliteConversationStore.open(path.join(dir, 'conversations.sqlite'));
      return {
        store,
        another: async () => null,
        async dispose() {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    skip: !runPostgresTests,
    async open() {
      const database = await createTestDatabase('sb_conv');
      const stores: PostgresConversationStore[] = [PostgresConversationStore.open(database.url, { maxConnections: 4 })];
      await stores[0]!.whenReady();
      return {
        store: stores[0]!,
        async another() {
          const other = PostgresConversationStore.open(database.url, { maxConnections: 4 });
          stores.push(other);
          await other.whenReady();
          return other;
        },
        async dispose() {
          for (const s of stores) await s.close();
          await database.drop();
        },
      };
    },
  },
];

/** The back ends that can run here (all of them under CI), for `describe.each`. */
export const AVAILABLE_CONVERSATION_STORE_BACKENDS: StoreBackend[] = CONVERSATION_STORE_BACKENDS.filter((b) => !b.skip);
