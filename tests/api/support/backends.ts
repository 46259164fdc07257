import { describe } from 'vitest';
import { createTestDatabase, runPostgresTests, TEST_SECRET_KEY } from '../../support/postgres';

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
  /** Drops the database (PostgreSQL); DATA_DIR is removed by whoever made it. */
  drop(): Promise<void>;
}

/** Fresh, empty data on `backend`: a new PostgreSQL database each call, so files run in parallel. */
export async function openBackendData(backend: ApiBackend, prefix = 'sb_api'): Promise<BackendData> {
  if (backend.name === 'embedded') return { env: {}, databaseUrl: null, drop: async () => {} };
  const database = await createTestDatabase(prefix);
  return {
    env: { DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: TEST_SECRET_KEY },
    databaseUrl: database.url,
    drop: () => database.drop(),
  };
}
