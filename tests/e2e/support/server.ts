import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../api/src/config';
import { scryptHasher } from '../../../api/src/auth/password';
import { startServer, type RunningServer } from '../../../api/src/server';
import { ensureEditorBuilt } from './editorBuild';

export interface TestServer {
  url: string;
  adminEmail: string;
  adminPassword: string;
  dataDir: string;
  running: RunningServer;
  /** Closes the server and keeps DATA_DIR, as a crash or a redeploy leaves it. */
  halt(): Promise<void>;
  /** Starts a new server on the same DATA_DIR and port (after `halt`, or closing the current one). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const TEST_ADMIN = { email: 'admin@example.com', password: 'e2e-admin-password-1' };

/** The real server with the built editor, on a free loopback port over a throwaway DATA_DIR. */
export async function startTestServer(options: { env?: Record<string, string> } = {}): Promise<TestServer> {
  const editorDist = await ensureEditorBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-e2e-'));
  // The first start takes any free port; a restart must come back on the same one, since the
  // widget on the page keeps reconnecting to the URL it was loaded with.
  const boot = (port: number) =>
    startServer(
      loadConfig(
        {
          DATA_DIR: dataDir,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'silent',
          SWITCHBOARD_ADMIN_EMAIL: TEST_ADMIN.email,
          SWITCHBOARD_ADMIN_PASSWORD: TEST_ADMIN.password,
          ...options.env,
        },
        dataDir,
      ),
      {
        // Cheap hashing: the tests are about the UI, not about password cost.
        passwords: scryptHasher({ N: 1024, r: 8, p: 1 }),
        print: () => {},
        editorDist,
      },
    );
  let running = await boot(0);
  const port = running.port;
  return {
    url: `http://127.0.0.1:${port}`,
    adminEmail: TEST_ADMIN.email,
    adminPassword: TEST_ADMIN.password,
    dataDir,
    get running() {
      return running;
    },
    // close() is idempotent, so halting twice or stopping a halted server is harmless.
    halt: () => running.close(),
    async restart() {
      await running.close();
      running = await boot(port);
    },
    async stop() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
