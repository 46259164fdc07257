import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Config } from '../../../api/src/config';
import { scryptHasher } from '../../../api/src/auth/password';
import { startServer, type RunningServer } from '../../../api/src/server';
import { allSampleFlows } from '../../../api/src/flows/sampleCatalog';
import { MigrationError } from '../../../api/src/storage/postgres';
import { createTestDatabase, runPostgresTests, type TestDatabase } from '../../support/postgres';
import { validFlow } from '../support/flows';

const KEY = Buffer.alloc(32, 3).toString('base64');

interface Instance {
  running: RunningServer;
  dataDir: string;
  http: ReturnType<typeof request>;
}

function configFor(database: TestDatabase, dataDir: string): Config {
  return loadConfig({ DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: KEY, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
}

async function start(database: TestDatabase): Promise<Instance> {
  // Each instance its own (empty) DATA_DIR, as on separate machines.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-pg-instance-'));
  const running = await startServer(configFor(database, dataDir), { passwords: scryptHasher({ N: 1024, r: 8, p: 1 }), print: () => {}, editorDist: null });
  return { running, dataDir, http: request(`http://127.0.0.1:${running.port}`) };
}

async function stop(instance: Instance | undefined): Promise<void> {
  if (!instance) return;
  await instance.running.close();
  rmSync(instance.dataDir, { recursive: true, force: true });
}

describe.runIf(runPostgresTests)('the server on PostgreSQL, two instances', () => {
  let database: TestDatabase;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Both start at once on the empty database: migrations, first admin and samples must happen once.
    [a, b] = await Promise.all([start(database), start(database)]);
  }, 60_000);
  afterAll(async () => {
    await stop(a);
    await stop(b);
    await database?.drop();
  });

  it('creates one admin and seeds each sample once when both start together', async () => {
    const created = [a, b].filter((i) => i.running.admin.created);
    expect(created).toHaveLength(1);
    const users = await a.running.deps.stores.users.list();
    expect(users.map((u) => u.role)).toEqual(['admin']);
    const flows = await b.running.deps.stores.flows.list();
    expect(flows.map((f) => f.id).sort()).toEqual(allSampleFlows().map((f) => f.id).sort());
    for (const flow of flows) expect((await a.running.deps.stores.flows.listVersions(flow.id)).length).toBeLessThanOrEqual(1);
    // Nothing went to DATA_DIR (no data file, key, model or lock): several instances share the database.
    expect(readdirSync(a.dataDir)).toEqual([]);
    expect(readdirSync(b.dataDir)).toEqual([]);
  });

  it('shares sign-ins, flows and publishes, and answers a stale save on the other instance with 409', async () => {
    const admin = [a, b].find((i) => i.running.admin.created)!.running.admin;
    if (!admin.created) throw new Error('no admin');
    const login = await a.http.post('/api/auth/login').send({ email: admin.email, password: admin.generatedPassword }).expect(200);
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    const csrf = login.body.csrfToken as string;
    const on = (i: Instance) => ({
      get: (url: string) => i.http.get(url).set('Cookie', cookie),
      post: (url: string) => i.http.post(url).set('Cookie', cookie).set('X-CSRF-Token', csrf),
      put: (url: string) => i.http.put(url).set('Cookie', cookie).set('X-CSRF-Token', csrf),
    });

    // Signed in on A, the same cookie works on B: the session is in PostgreSQL.
    await on(b).get('/api/auth/me').expect(200);
    const created = await on(a).post('/api/flows').send({ document: validFlow('shared-flow', 'Shared') }).expect(201);
    expect(created.body.revision).toBe(1);
    await on(b).put('/api/flows/shared-flow').set('If-Match', '1').send({ ...validFlow('shared-flow'), name: 'Saved on B' }).expect(200);
    const stale = await on(a).put('/api/flows/shared-flow').set('If-Match', '1').send({ ...validFlow('shared-flow'), name: 'Stale on A' });
    expect(stale.status).toBe(409);
    expect((await on(a).get('/api/flows/shared-flow').expect(200)).body).toMatchObject({ revision: 2, name: 'Saved on B' });

    const published = await Promise.all([on(a).post('/api/flows/shared-flow/publish').send({ note: 'from A' }), on(b).post('/api/flows/shared-flow/publish').send({ note: 'from B' })]);
    expect(published.map((r) => r.status)).toEqual([201, 201]);
    expect(published.map((r) => r.body.version.number).sort()).toEqual([1, 2]);
    const versions = await on(b).get('/api/flows/shared-flow/versions').expect(200);
    expect(versions.body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);

    // Who did it is on record for both instances.
    const audit = await on(b).get('/api/audit?action=flow.publish').expect(200);
    expect(audit.body.entries.map((e: { target: string }) => e.target)).toEqual(['shared-flow', 'shared-flow']);
  });
});

describe('starting with DATABASE_URL', () => {
  it('refuses to start without SWITCHBOARD_SECRET_KEY, before touching the database', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-pg-nokey-'));
    try {
      // Built by hand: loadConfig would already refuse it.
      const config: Config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), databaseUrl: 'postgres://nobody@127.0.0.1:1/none', port: 0 };
      const attempt = startServer(config, { print: () => {}, editorDist: null });
      await expect(attempt).rejects.toThrow(ConfigError);
      await expect(attempt).rejects.toThrow(/SWITCHBOARD_SECRET_KEY: must be set when DATABASE_URL is set/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stops with a MigrationError (printed without a stack) when PostgreSQL cannot be reached, leaving DATA_DIR alone', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-pg-down-'));
    try {
      const config = loadConfig({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', SWITCHBOARD_SECRET_KEY: KEY, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' });
      const attempt = startServer(config, { print: () => {}, editorDist: null });
      await expect(attempt).rejects.toThrow(MigrationError);
      await expect(attempt).rejects.toThrow(/PostgreSQL migration \(setup\) failed: .*ECONNREFUSED/);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
