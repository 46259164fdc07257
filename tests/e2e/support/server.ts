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
  stop(): Promise<void>;
}

export const TEST_ADMIN = { email: 'admin@example.com', password: 'e2e-admin-password-1' };

/** The real server with the built editor, on a free loopback port over a throwaway DATA_DIR. */
export async function startTestServer(options: { env?: Record<string, string> } = {}): Promise<TestServer> {
  const editorDist = await ensureEditorBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-e2e-'));
  const config = loadConfig(
    {
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SWITCHBOARD_ADMIN_EMAIL: TEST_ADMIN.email,
      SWITCHBOARD_ADMIN_PASSWORD: TEST_ADMIN.password,
      ...options.env,
    },
    dataDir,
  );
  const running = await startServer(config, {
    // Cheap hashing: the tests are about the UI, not about password cost.
    passwords: scryptHasher({ N: 1024, r: 8, p: 1 }),
    print: () => {},
    editorDist,
  });
  return {
    url: `http://127.0.0.1:${running.port}`,
    adminEmail: TEST_ADMIN.email,
    adminPassword: TEST_ADMIN.password,
    dataDir,
    running,
    async stop() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
