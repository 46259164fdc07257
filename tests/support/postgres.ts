import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL for tests: the machine's server (see .ci/run), one fresh database per call so test
 * files run in parallel without seeing each other's rows. Set TEST_POSTGRES_URL to use another
 * server; it must allow CREATE DATABASE.
 */
export const TEST_POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * `SWITCHBOARD_SECRET_KEY` for tests that set DATABASE_URL (which requires it): one random key per
 * test process, shared by every instance a test starts, as a deployment would share it.
 */
export const TEST_SECRET_KEY = randomBytes(32).toString('base64');

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Whether the test server answers; used to skip outside CI on a machine without PostgreSQL. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * True when PostgreSQL tests must run: always under CI (where .ci/run starts the server, so a
 * missing server is a failure), otherwise only when the server answers.
 */
export const runPostgresTests = process.env.CI === 'true' || (await postgresAvailable());
if (!runPostgresTests) process.stderr.write('PostgreSQL is not reachable at 127.0.0.1:5432: skipping the PostgreSQL back end (CI runs it)\n');

export async function createTestDatabase(prefix = 'sb_test'): Promise<TestDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    // Sorted and compared as en-US, as many servers' default locale does, not in the byte order a
    // C locale gives: a query that relies on the locale's order instead of COLLATE "C" (the order
    // SQLite and the code expect) can then fail here, not only in production. A server built
    // without ICU (or the C.UTF-8 locale) makes the database as it would by default.
    await admin
      .query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`)
      .catch(async (err: { code?: string }) => {
        // 0A000: built without ICU; 42809: no C.UTF-8 locale on the server; 42601: before PostgreSQL 15.
        if (err.code !== '0A000' && err.code !== '42809' && err.code !== '42601') throw err;
        await admin.query(`CREATE DATABASE "${name}"`);
      });
    // Sessions in a zone 14 hours from UTC, on a date line: a query that reads the server's zone
    // (a bare ::date, date_trunc, to_char without AT TIME ZONE) puts days in the wrong place here.
    await admin.query(`ALTER DATABASE "${name}" SET timezone TO 'Pacific/Kiritimati'`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(TEST_POSTGRES_ADMIN_URL, name),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
