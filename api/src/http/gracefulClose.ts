import type http from 'node:http';
import type { Logger } from 'pino';
import type { Readiness } from '../health/readiness';
import type { AttachedSockets } from '../ws/attachWebSockets';

export interface GracefulCloseParts {
  server: http.Server;
  sockets: AttachedSockets;
  readiness: Readiness;
  /** Resolves once no chat turn is running. */
  turnsIdle: () => Promise<void>;
  logger: Logger;
  /** How long running turns may take to finish; shutdown.ts exits the process after 10 s in all. */
  turnsGraceMs?: number;
}

function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The HTTP side of a graceful shutdown (SIGTERM): `/readyz` turns 503 and the listening socket
 * closes, so the load balancer sends new work to other instances; turns already running finish
 * and are saved; then open WebSockets are closed with 1012 so clients reconnect elsewhere and
 * fetch what they missed by message id; last, the remaining HTTP connections are ended.
 */
export async function closeGracefully(parts: GracefulCloseParts): Promise<void> {
  const { server, sockets, readiness, logger } = parts;
  readiness.startDraining();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  if (!(await within(parts.turnsIdle(), parts.turnsGraceMs ?? 5_000))) {
    logger.warn('Shutting down with chat turns still running; their customers retry');
  }
  await sockets.closeForRestart();
  server.closeIdleConnections();
  if (!(await within(closed, 1_000))) server.closeAllConnections();
  await closed;
}
