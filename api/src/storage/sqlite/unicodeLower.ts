import type Database from 'better-sqlite3';

/**
 * SQLite's own lower() and LIKE fold only A–Z, so "ŁĘCKA" would not find "łęcka" (PostgreSQL's
 * lower() and ILIKE fold every letter). `sb_lower(text)` folds as JavaScript does; searches
 * compare `sb_lower` of both sides. Registered on a connection before its statements are prepared.
 */
export function registerUnicodeLower(db: Database.Database): void {
  db.function('sb_lower', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value));
}
