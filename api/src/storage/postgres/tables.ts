import type { CoreTables } from './coreTables';
import type { ConversationTables } from './conversationTables';

/**
 * Every PostgreSQL table as Kysely sees it. Each area declares its own tables in its own file
 * (coreTables.ts: accounts, flows, settings...; conversationTables.ts: conversations, messages,
 * events...) so that adding a table touches one area only.
 */
export type Database = CoreTables & ConversationTables;
