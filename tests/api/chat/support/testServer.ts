import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import request from 'supertest';
import { loadConfig } from '../../../../api/src/config';
import { scryptHasher } from '../../../../api/src/auth/password';
import { startServer, type RunningServer } from '../../../../api/src/server';
import type { ChatModuleOptions } from '../../../../api/src/chat/chatModule';
import type { FlowDocument } from '../../../../runtime/src/schema';
import { chatFlowDocument } from '../../../unit/chat/support/chatFlow';
import { EMBEDDED, openBackendData, type ApiBackend } from '../../support/backends';
import { signInWith, type Session } from '../../support/signIn';

export const ADMIN = { email: 'admin@example.com', password: 'correct-horse-battery-staple' };

export interface TestServer {
  running: RunningServer;
  dataDir: string;
  /** The PostgreSQL database the server keeps its data in; null for the embedded stores. */
  databaseUrl: string | null;
  url: string;
  http: ReturnType<typeof request>;
  publish(flow?: FlowDocument): Promise<number>;
  /** A signed-in account (created as needed) with its cookie and CSRF token. */
  signIn(role: 'agent' | 'admin' | 'editor', email?: string, name?: string): Promise<SignedIn>;
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

/** A signed-in account (cookie session plus its CSRF token). */
export type SignedIn = Session;

/**
 * The real server (HTTP and sockets) on a free loopback port, over a temp DATA_DIR and, for the
 * PostgreSQL back end, a fresh database as `DATABASE_URL` (dropped by `stop()` unless kept).
 */
export async function startTestServer(
  options: { dataDir?: string; chat?: ChatModuleOptions; env?: Record<string, string>; backend?: ApiBackend; logger?: Logger } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'sb-api-chat-'));
  const data = await openBackendData(options.backend ?? EMBEDDED);
  const config = loadConfig(
    {
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SWITCHBOARD_ADMIN_EMAIL: ADMIN.email,
      SWITCHBOARD_ADMIN_PASSWORD: ADMIN.password,
      ...data.env,
      ...options.env,
    },
    dataDir,
  );
  const running = await startServer(config, {
    passwords: scryptHasher({ N: 1024, r: 8, p: 1 }),
    print: () => {},
    editorDist: null,
    ...(options.chat ? { chat: options.chat } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  }).catch(async (err: unknown) => {
    await data.drop();
    throw err;
  });
  const url = `http://127.0.0.1:${running.port}`;
  const http = request(url);
  let adminSession: SignedIn | null = null;

  const login = (email: string, password: string): Promise<SignedIn> => signInWith(http, email, password);

  const server: TestServer = {
    running,
    dataDir,
    databaseUrl: data.databaseUrl,
    url,
    http,
    async publish(flow = chatFlowDocument()) {
      const flows = running.deps.stores.flows;
      if (!(await flows.get(flow.id))) await flows.create(flow, null);
      return (await flows.publish(flow.id, { note: 'test', by: null, flow })).number;
    },
    async signIn(role, email = `${role}@example.com`, name = role === 'agent' ? 'Anna Agent' : 'Ada Admin') {
      adminSession ??= await login(ADMIN.email, ADMIN.password);
      if (role === 'admin' && email === ADMIN.email) return adminSession;
      const password = 'agent-password-123456';
      const existing = await running.deps.stores.users.findByEmail(email);
      if (!existing) {
        await http
          .post('/api/users')
          .set('Cookie', adminSession.cookie)
          .set('X-CSRF-Token', adminSession.csrf)
          .send({ email, name, role, password })
          .expect(201);
      }
      return login(email, password);
    },
    async stop(opts = {}) {
      await running.close();
      if (opts.keepData) return;
      await data.drop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
