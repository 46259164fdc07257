import { sql } from 'kysely';
import type { PostgresDatabase } from './database';

/** True when PostgreSQL answers `SELECT 1` within the timeout (`GET /readyz`); never throws. */
export async function pingPostgres(db: PostgresDatabase, timeoutMs = 1_000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    });
    await Promise.race([sql`select 1`.execute(db), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
