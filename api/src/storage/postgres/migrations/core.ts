import type { Migration } from 'kysely';

/**
 * Schema of the core stores, in order. Names start with `0` so they sort before the
 * conversation store's (`1…`); a migration, once released, is never edited, only followed.
 */
export const coreMigrations: Record<string, Migration> = {};
