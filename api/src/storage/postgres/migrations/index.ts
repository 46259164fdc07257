import type { Migration } from 'kysely';
import { coreMigrations } from './core';
import { conversationMigrations } from './conversations';

/** Every migration, keyed by a name that sorts in the order they must run. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = { ...coreMigrations, ...conversationMigrations };
