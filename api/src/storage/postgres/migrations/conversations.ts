import type { Migration } from 'kysely';

/**
 * Schema of the conversation store, in order. Names start with `1` so they sort after the core
 * stores'; a migration, once released, is never edited, only followed.
 */
export const conversationMigrations: Record<string, Migration> = {};
