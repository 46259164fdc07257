import request from 'supertest';
import type { Express } from 'express';
import { createChatModule, type ChatModule } from '../../../../api/src/chat/chatModule';
import { chatFlowDocument } from '../../../unit/chat/support/chatFlow';
import { makeTestApp, PASSWORD, type TestApp } from '../../support/testApp';

/** One documented operation: its method, its OpenAPI path and the names of its path parameters. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  params: string[];
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every HTTP operation in the served OpenAPI document (WebSocket upgrades excluded). */
export async function operationsOf(app: Express): Promise<Operation[]> {
  const doc = (await request(app).get('/api/openapi.json')).body as { paths: Record<string, Record<string, { 'x-websocket'?: boolean }>> };
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method) || op['x-websocket']) continue;
      ops.push({ method: method as Operation['method'], path, params: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!) });
    }
  }
  return ops;
}

/** Fills `{name}` placeholders; each value is inserted as given (already encoded for a URL). */
export function fill(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => values[name] ?? 'x');
}

export interface ServedApp {
  t: TestApp;
  chat: ChatModule;
  ops: Operation[];
  close(): Promise<void>;
}

/** The API with the chat and inbox routers mounted as server.ts mounts them, and a published flow. */
export async function servedApp(): Promise<ServedApp> {
  let chat: ChatModule | undefined;
  const t = await makeTestApp({
    chat: (deps) => {
      chat = createChatModule(deps);
      return chat.routes;
    },
  });
  const flow = chatFlowDocument();
  await t.deps.stores.flows.create(flow, null);
  await t.deps.stores.flows.publish(flow.id, { note: 'test', by: null, flow });
  const ops = await operationsOf(t.app);
  return {
    t,
    chat: chat!,
    ops,
    async close() {
      await chat?.close();
      await t.close();
    },
  };
}

/** What every hostile run must leave intact: nothing on Object.prototype, sign-in and a chat turn. */
export async function assertHealthy(served: ServedApp, prototypeKeys: string[]): Promise<void> {
  const now = Object.getOwnPropertyNames(Object.prototype).sort();
  if (JSON.stringify(now) !== JSON.stringify(prototypeKeys)) {
    throw new Error(`Object.prototype changed: ${now.filter((k) => !prototypeKeys.includes(k)).join(', ')}`);
  }
  const probe = {} as Record<string, unknown>;
  for (const key of ['tests', 'flow', 'live', 'revision', 'role']) {
    if (key in probe) throw new Error(`Object.prototype.${key} is set`);
  }
  const app = served.t.app;
  const login = await request(app).post('/api/auth/login').send({ email: 'admin@example.com', password: PASSWORD });
  if (login.status !== 200) throw new Error(`sign-in after the run answered ${login.status} ${JSON.stringify(login.body)}`);
  const started = await request(app).post('/api/chat/flow-chat/sessions').send({});
  if (started.status !== 201) throw new Error(`chat start after the run answered ${started.status} ${JSON.stringify(started.body)}`);
  const { sessionId, sessionToken } = started.body as { sessionId: string; sessionToken: string };
  const turn = await request(app)
    .post(`/api/chat/sessions/${sessionId}/messages`)
    .set('Authorization', `Bearer ${sessionToken}`)
    .send({ optionId: 'loop' });
  if (turn.status !== 200) throw new Error(`chat turn after the run answered ${turn.status} ${JSON.stringify(turn.body)}`);
}
