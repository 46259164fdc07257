import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { closeGracefully } from '../../api/src/http/gracefulClose';
import { Readiness } from '../../api/src/health/readiness';
import { createLogger } from '../../api/src/logger';
import type { AttachedSockets } from '../../api/src/ws/attachWebSockets';

describe('closeGracefully', () => {
  it('goes unready and stops accepting at once, closes sockets only after running turns finished', async () => {
    const server = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as AddressInfo).port;
    const steps: string[] = [];
    let finishTurns!: () => void;
    const turns = new Promise<void>((resolve) => (finishTurns = resolve));
    const sockets: AttachedSockets = {
      close: () => steps.push('terminate'),
      closeForRestart: async () => {
        steps.push('sockets closed with 1012');
      },
      reconnectAll: () => steps.push('reconnect'),
    };
    const readiness = new Readiness();
    const closing = closeGracefully({ server, sockets, readiness, turnsIdle: () => turns, logger: createLogger('silent') }).then(() => steps.push('closed'));

    expect(readiness.shuttingDown).toBe(true);
    // The listening socket is closed: new connections go to another instance.
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 50));
    expect(steps).toEqual([]);
    steps.push('turns finished');
    finishTurns();
    await closing;
    expect(steps).toEqual(['turns finished', 'sockets closed with 1012', 'closed']);
  });

  it('does not wait for a turn that never ends beyond its grace time', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    let socketsClosed = false;
    const started = Date.now();
    await closeGracefully({
      server,
      sockets: { close: () => undefined, closeForRestart: async () => void (socketsClosed = true), reconnectAll: () => undefined },
      readiness: new Readiness(),
      turnsIdle: () => new Promise<void>(() => undefined),
      logger: createLogger('silent'),
      turnsGraceMs: 100,
    });
    expect(socketsClosed).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
