import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { chatFlowDocument } from '../unit/chat/support/chatFlow';
import { spawnServer, type SpawnedServer } from './support/spawnServer';

const ADMIN = { SWITCHBOARD_ADMIN_EMAIL: 'crash-chat@example.com', SWITCHBOARD_ADMIN_PASSWORD: 'crash chat password' };
const CONVERSATIONS = 20;
let dataDir = '';
const servers: SpawnedServer[] = [];

afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface Msg {
  id: number;
  from: string;
  text?: string;
}

async function publishFlow(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.SWITCHBOARD_ADMIN_EMAIL, password: ADMIN.SWITCHBOARD_ADMIN_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const created = await fetch(`${url}/api/flows`, { method: 'POST', headers, body: JSON.stringify({ document: chatFlowDocument({ id: 'crash-chat' }) }) });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const published = await fetch(`${url}/api/flows/${id}/publish`, { method: 'POST', headers, body: JSON.stringify({ note: 'crash test' }) });
  expect(published.status).toBe(201);
  return id;
}

it('keeps every acknowledged chat turn across kill -9', async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-crash-chat-'));
  const first = await spawnServer({ DATA_DIR: dataDir, ...ADMIN });
  servers.push(first);
  const flowId = await publishFlow(first.url);

  const sessions: { id: string; token: string; acked: Msg[] }[] = [];
  for (let i = 0; i < CONVERSATIONS; i++) {
    const res = await fetch(`${first.url}/api/chat/${flowId}/sessions`, { method: 'POST' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { sessionId: string; sessionToken: string; messages: Msg[] };
    sessions.push({ id: body.sessionId, token: body.sessionToken, acked: body.messages });
  }

  // Every conversation loops through the menu as fast as it can; a turn counts once its
  // response arrived. The kill lands while many turns are in flight.
  let stop = false;
  let acknowledged = 0;
  const loop = async (s: (typeof sessions)[number]) => {
    for (let turn = 0; turn < 55 && !stop; turn++) {
      try {
        const res = await fetch(`${first.url}/api/chat/sessions/${s.id}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
          body: JSON.stringify({ optionId: 'loop' }),
        });
        if (res.status !== 200) return;
        const body = (await res.json()) as { messages: Msg[] };
        s.acked.push(...body.messages);
        acknowledged++;
      } catch {
        return;
      }
    }
  };
  const burst = Promise.all(sessions.map(loop));
  await new Promise((r) => setTimeout(r, 1500));
  first.child.kill('SIGKILL');
  stop = true;
  await burst;
  await new Promise((r) => first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r));
  expect(acknowledged).toBeGreaterThan(CONVERSATIONS);

  const second = await spawnServer({ DATA_DIR: dataDir, ...ADMIN });
  servers.push(second);
  for (const s of sessions) {
    const res = await fetch(`${second.url}/api/chat/sessions/${s.id}/messages?after=0`, { headers: { authorization: `Bearer ${s.token}` } });
    expect(res.status).toBe(200);
    const stored = ((await res.json()) as { messages: Msg[] }).messages;
    const byId = new Map(stored.map((m) => [m.id, m]));
    for (const m of s.acked) expect(byId.get(m.id), `session ${s.id} message ${m.id}`).toMatchObject({ from: m.from, text: m.text });
    expect(stored.map((m) => m.id)).toEqual(stored.map((_, i) => i + 1));
    // The conversation carries on from where it stood.
    const next = await fetch(`${second.url}/api/chat/sessions/${s.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
      body: JSON.stringify({ optionId: 'loop' }),
    });
    expect([200, 429]).toContain(next.status);
  }
  second.child.kill('SIGTERM');
  await new Promise((r) => (second.child.exitCode !== null ? r(null) : second.child.once('exit', r)));
  const db = new Database(path.join(dataDir, 'conversations.sqlite'), { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
});
