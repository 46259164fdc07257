import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { createServer as createViteServer } from 'vite';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './server';
import { shutdownOnSignals } from './shutdown';

/**
 * `npm run dev`: the real API, with the editor served from source by Vite (hot reload)
 * instead of from editor/dist. One port, so cookies, CSRF and WebSockets behave as in production.
 */
const EDITOR_CONFIG = path.resolve(import.meta.dirname, '../../editor/vite.config.ts');

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const isApi = (url: string | undefined) => {
  const pathname = (url ?? '/').split('?')[0]!;
  return pathname === '/api' || pathname.startsWith('/api/');
};

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const running = await startServer(config, { logger, editorDist: null });

  const vite = await createViteServer({
    configFile: EDITOR_CONFIG,
    appType: 'spa',
    // HMR shares the API's port; the API's socket handler leaves unknown upgrade paths to it.
    server: { middlewareMode: true, ws: { server: running.server } },
  });

  // Put Vite in front of the Express app for everything outside /api. The app keeps /api,
  // its errors and its final 404, which Vite falls through to for files it does not know.
  const apiHandlers = running.server.listeners('request') as Handler[];
  running.server.removeAllListeners('request');
  const api: Handler = (req, res) => {
    for (const handler of apiHandlers) handler(req, res);
  };
  running.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (isApi(req.url)) api(req, res);
    else vite.middlewares(req, res, () => api(req, res));
  });
  logger.info({ url: running.url }, 'Editor served by Vite with hot reload');

  shutdownOnSignals(logger, () => Promise.all([vite.close(), running.close()]));
}

main().catch((err: unknown) => {
  process.stderr.write(err instanceof ConfigError ? `\n${err.message}\n\n` : `\nSwitchboard dev server could not start:\n${(err as Error)?.stack ?? String(err)}\n\n`);
  process.exit(1);
});
