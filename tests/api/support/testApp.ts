import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { sql } from 'kysely';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../../api/src/app';
import type { AppDeps, ChatRoutesDeps } from '../../../api/src/deps';
import type { WidgetRouterDeps } from '../../../api/src/routes/widget';
import { loadConfig } from '../../../api/src/config';
import { createLogger } from '../../../api/src/logger';
import { scryptHasher } from '../../../api/src/auth/password';
import { openLowdbStores } from '../../../api/src/storage/lowdb/openStores';
import { migrateToLatest, openPostgres } from '../../../api/src/storage/postgres';
import { postgresStores } from '../../../api/src/storage/postgres/openStores';
import { postgresModelStore } from '../../../api/src/storage/postgres/modelStore';
import type { FlowModelStore } from '../../../api/src/intentModels/modelStore';
import type { Stores } from '../../../api/src/storage/stores';
import { EMBEDDED, openBackendData, type ApiBackend } from './backends';
import type { Role } from '../../../api/src/storage/userStore';
import { API_TOKEN_PREFIX, randomSecret, sha256 } from '../../../api/src/auth/secrets';
import { watchContract, type ContractCheck } from './contractCheck';
import { signInWith, type Session } from './signIn';

/** Real scrypt, but cheap enough for tests that sign in dozens of times. */
export const testPasswords = scryptHasher({ N: 2 ** 10, r: 8, p: 1 });
export const PASSWORD = 'a long enough password';

/** A signed-in account of the test app (cookie session plus its CSRF token). */
export type Account = Session;

export interface TestApp {
  app: Express;
  deps: AppDeps;
  dataDir: string;
  /** The PostgreSQL database the app keeps its data in; null for the embedded stores. */
  databaseUrl: string | null;
  now: { value: number };
  accounts: Record<Role, Account>;
  /** Every answer checked against the API contract; `close()` fails on any violation. */
  contract: ContractCheck;
  /** A fresh API token's secret for the role. */
  token(role: Role): Promise<string>;
  login(email: string, password?: string): Promise<Account>;
  /**
   * Everything the app has written down, as text: every file under DATA_DIR, plus on PostgreSQL
   * every table's rows as JSON; for checks that a value (a secret, a token) never was.
   */
  storedText(): Promise<string>;
  close(): Promise<void>;
}

export async function makeTestApp(
  options: {
    env?: Record<string, string>;
    /** The chat area, as server.ts mounts it: `(deps) => (chat = createChatModule(deps)).routes`. */
    chat?: (deps: Omit<AppDeps, 'chat' | 'widget'>) => ChatRoutesDeps;
    widget?: (deps: Omit<AppDeps, 'chat' | 'widget'>) => WidgetRouterDeps;
    logger?: AppDeps['logger'];
    editorDist?: string;
    /** The app's hasher; the cheap test scrypt by default. */
    passwords?: AppDeps['passwords'];
    /**
     * Where the app keeps its data: the embedded stores in a temp DATA_DIR (default), or a fresh
     * PostgreSQL database as `DATABASE_URL` (the chat module, made with `createChatModule(deps)`,
     * then keeps its conversations there too).
     */
    backend?: ApiBackend;
    readiness?: AppDeps['readiness'];
    rateLimitStore?: AppDeps['rateLimitStore'];
  } = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-api-'));
  const now = { value: Date.parse('2026-03-02T09:00:00Z') };
  const clock = () => now.value;
  const data = await openBackendData(options.backend ?? EMBEDDED);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...data.env, ...options.env });
  const postgres = data.databaseUrl === null ? null : await openTestPostgresStores(data.databaseUrl, clock);
  const stores = postgres?.stores ?? (await openLowdbStores(dataDir, clock));
  const base = {
    config,
    logger: options.logger ?? createLogger('silent'),
    stores,
    ...(postgres ? { models: postgres.models } : {}),
    clock,
    passwords: options.passwords ?? testPasswords,
    editorDist: options.editorDist ?? null,
    ...(options.readiness ? { readiness: options.readiness } : {}),
    ...(options.rateLimitStore ? { rateLimitStore: options.rateLimitStore } : {}),
  };
  const chat = options.chat?.(base);
  const widget = options.widget?.(base);
  const deps: AppDeps = { ...base, ...(chat ? { chat } : {}), ...(widget ? { widget } : {}) };
  const app = createApp(deps);
  const contract = watchContract(app);

  const login = (email: string, password = PASSWORD): Promise<Account> => signInWith(request(app), email, password);

  const accounts = {} as Record<Role, Account>;
  for (const role of ['admin', 'editor', 'agent'] as const) {
    const email = `${role}@example.com`;
    await stores.users.create({ email, name: `${role[0]!.toUpperCase()}${role.slice(1)} Person`, role, passwordHash: await testPasswords.hash(PASSWORD) });
    accounts[role] = await login(email);
  }

  return {
    app,
    deps,
    dataDir,
    databaseUrl: data.databaseUrl,
    now,
    accounts,
    contract,
    login,
    async token(role) {
      const secret = randomSecret(API_TOKEN_PREFIX);
      await stores.tokens.create({ name: `${role} script`, role, secretHash: sha256(secret), createdBy: null });
      return secret;
    },
    async storedText() {
      const files = await readdir(dataDir, { recursive: true, withFileTypes: true });
      const texts = await Promise.all(files.filter((f) => f.isFile()).map((f) => readFile(path.join(f.parentPath, f.name), 'latin1')));
      return [...texts, ...(postgres ? await postgres.tablesAsText() : [])].join('\n');
    },
    async close() {
      stores.audit.close();
      await postgres?.close();
      await data.drop();
      await rm(dataDir, { recursive: true, force: true });
      if (contract.violations.length > 0) {
        throw new Error(`Answers that break the API contract:\n${[...new Set(contract.violations)].join('\n')}`);
      }
    },
  };
}

/** Every core store on the test's PostgreSQL database, migrated as server.ts does on start. */
async function openTestPostgresStores(
  url: string,
  clock: () => number,
): Promise<{ stores: Stores; models: FlowModelStore; tablesAsText(): Promise<string[]>; close(): Promise<void> }> {
  const db = openPostgres(url, { maxConnections: 4 });
  await migrateToLatest(db);
  return {
    stores: postgresStores(db, clock),
    models: postgresModelStore(db),
    async tablesAsText() {
      const { rows } = await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`.execute(db);
      const dumps = await Promise.all(rows.map((r) => sql<{ text: string | null }>`SELECT json_agg(t)::text AS text FROM ${sql.table(r.tablename)} t`.execute(db)));
      return dumps.map((d) => d.rows[0]?.text ?? '');
    },
    close: () => db.destroy(),
  };
}

/** A supertest request carrying an account's cookie and CSRF token. */
export function as(app: Express, account: Account) {
  const agent = request(app);
  const wrap = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', url: string) =>
    agent[method](url).set('Cookie', account.cookie).set('X-CSRF-Token', account.csrf);
  return {
    get: (url: string) => wrap('get', url),
    post: (url: string) => wrap('post', url),
    put: (url: string) => wrap('put', url),
    patch: (url: string) => wrap('patch', url),
    delete: (url: string) => wrap('delete', url),
  };
}
