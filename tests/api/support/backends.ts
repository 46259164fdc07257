import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { createTestDatabase, runPostgresTests, TEST_SECRET_KEY, type TestDatabase } from '../../support/postgres';

/**
 * Where an API test's app keeps its data, as a deployment chooses it: the embedded stores in
 * DATA_DIR (lowdb, SQLite), or every store on PostgreSQL (`DATABASE_URL`).
 */
export interface ApiBackend {
  name: 'embedded' | 'PostgreSQL';
  /** True when the back end cannot run here (PostgreSQL outside CI without a server; CI always runs it). */
  skip: boolean;
}

export const EMBEDDED: ApiBackend = { name: 'embedded', skip: false };
export const POSTGRES: ApiBackend = { name: 'PostgreSQL', skip: !runPostgresTests };
export const API_BACKENDS: readonly ApiBackend[] = [EMBEDDED, POSTGRES];

/**
 * Registers `body` once per back end, under `title (back end)`; a back end that cannot run here is
 * reported as skipped, not left out. Hooks and cases inside run against that back end's app.
 */
export function describeOnEachBackend(title: string, body: (backend: ApiBackend) => void): void {
  for (const backend of API_BACKENDS) describe.skipIf(backend.skip)(`${title} (${backend.name})`, () => body(backend));
}

/** The data an app instance is started on, and the environment that points it there. */
export interface BackendData {
  /** `DATABASE_URL` and the shared secret key it requires for PostgreSQL; nothing for DATA_DIR. */
  env: Record<string, string>;
  databaseUrl: string | null;
  /** Done with the database (PostgreSQL; emptied for the file's next app, dropped when the file ends); DATA_DIR is removed by whoever made it. */
  drop(): Promise<void>;
}

/**
 * Databases this test file made and has finished with. Creating and migrating a database costs
 * several times what emptying one does, and files that open an app per case would pay it each
 * time; so a finished database is emptied and reused by the same file, and dropped when the file
 * ends. Files never share one, so they still run in parallel.
 */
const finished: TestDatabase[] = [];
afterAll(async () => {
  for (const database of finished.splice(0)) await database.drop();
});

/**
 * Empties every table but the migrations' own bookkeeping, so the schema stays migrated. DELETE,
 * not TRUNCATE: on these few rows it took 10 ms where TRUNCATE took 500 (it makes new files for
 * every table). No table references another, so the order does not matter; identities go on
 * counting, which nothing here relies on.
 */
async function emptyTables(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_%'`);
    await client.query(`BEGIN; ${rows.map((r) => `DELETE FROM "${r.tablename}";`).join(' ')} COMMIT;`);
  } finally {
    await client.end();
  }
}

/** Fresh, empty data on `backend`: for PostgreSQL a database no other test file sees. */
export async function openBackendData(backend: ApiBackend, prefix = 'sb_api'): Promise<BackendData> {
  if (backend.name === 'embedded') return { env: {}, databaseUrl: null, drop: async () => {} };
  const reused = finished.pop();
  if (reused) await emptyTables(reused.url);
  const database = reused ?? (await createTestDatabase(prefix));
  return {
    env: { DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: TEST_SECRET_KEY },
    databaseUrl: database.url,
    drop: async () => void finished.push(database),
  };
}
