import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { spawnServer, type SpawnedServer } from './support/spawnServer';

const ADMIN = { SWITCHBOARD_ADMIN_EMAIL: 'crash@example.com', SWITCHBOARD_ADMIN_PASSWORD: 'crash test password' };
let dataDir = '';
const servers: SpawnedServer[] = [];

afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function signIn(url: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.SWITCHBOARD_ADMIN_EMAIL, password: ADMIN.SWITCHBOARD_ADMIN_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return (method: string, route: string, json?: unknown, extra: Record<string, string> = {}) =>
    fetch(`${url}${route}`, {
      method,
      headers: { cookie, 'x-csrf-token': body.csrfToken, ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...extra },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
}

type Api = Awaited<ReturnType<typeof signIn>>;
interface FlowDoc {
  id: string;
  name: string;
  revision: number;
  [key: string]: unknown;
}

it('keeps every acknowledged flow save across kill -9 and leaves parseable files', async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-crash-'));
  const first = await spawnServer({ DATA_DIR: dataDir, ...ADMIN });
  servers.push(first);
  const api = await signIn(first.url);

  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await api('POST', '/api/flows', { name: `crash ${i}` });
    expect(res.status).toBe(201);
    ids.push(((await res.json()) as FlowDoc).id);
  }

  // Each flow gets a chain of saves; a save's name records the revision it produces, so after the
  // crash a stored flow must be internally consistent and at least as new as its last ack.
  const acked = new Map<string, number>();
  const created: string[] = [];
  let stop = false;
  let acknowledgements = 0;
  const saveChain = async (id: string) => {
    let doc = (await (await api('GET', `/api/flows/${id}`)).json()) as FlowDoc;
    while (!stop) {
      const next = doc.revision + 1;
      const res = await api('PUT', `/api/flows/${id}`, { ...doc, name: `rev ${next}` }, { 'if-match': String(doc.revision) }).catch(() => null);
      if (!res || res.status !== 200) return;
      doc = (await res.json().catch(() => null)) as FlowDoc;
      if (!doc) return;
      acked.set(id, doc.revision);
      acknowledgements += 1;
    }
  };
  const createChain = async () => {
    for (let i = 0; !stop; i++) {
      const res = await api('POST', '/api/flows', { name: `burst ${i}` }).catch(() => null);
      if (!res || res.status !== 201) return;
      const body = (await res.json().catch(() => null)) as FlowDoc | null;
      if (!body) return;
      created.push(body.id);
      acknowledgements += 1;
    }
  };
  const burst = Promise.all([...ids.map(saveChain), createChain()]);
  while (acknowledgements < 40) await new Promise((r) => setTimeout(r, 5));
  first.child.kill('SIGKILL');
  stop = true;
  await burst;
  await new Promise((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r)));

  const texts = new Map<string, string>();
  // Read before the restart, so this checks exactly what the crash left behind.
  for (const name of await readdir(dataDir)) {
    if (name.endsWith('.json') || name.endsWith('.json.bak')) texts.set(name, await readFile(path.join(dataDir, name), 'utf8'));
  }
  for (const [name, text] of texts) expect(() => JSON.parse(text), name).not.toThrow();

  // The stale lock of the killed process is taken over.
  const second = await spawnServer({ DATA_DIR: dataDir, ...ADMIN });
  servers.push(second);
  const after: Api = await signIn(second.url);
  expect(acked.size).toBe(ids.length);
  for (const [id, revision] of acked) {
    const res = await after('GET', `/api/flows/${id}`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as FlowDoc;
    expect(doc.revision).toBeGreaterThanOrEqual(revision);
    expect(doc.name).toBe(`rev ${doc.revision}`);
  }
  for (const id of created) expect((await after('GET', `/api/flows/${id}`)).status).toBe(200);
  second.child.kill('SIGTERM');
  await new Promise((r) => second.child.once('exit', r));
});
