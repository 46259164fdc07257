import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { guarded } from '../../../api/src/ws/guarded';
import { createLogger } from '../../../api/src/logger';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';
import { startTestServer, type TestServer } from '../chat/support/testServer';
import { openSocket, wsUrl } from '../chat/support/wsClient';

/** Sends a raw upgrade request (no client-side URL checks) and returns the status line's code. */
function rawUpgrade(port: number, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      );
    });
    let head = '';
    socket.on('data', (chunk) => {
      head += chunk.toString();
      const match = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (match) {
        socket.destroy();
        resolve(Number(match[1]));
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`closed without a status line: ${JSON.stringify(head)}`)));
  });
}

describe('socket upgrades from the network cannot stop the server', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    await s.publish(chatFlowDocument());
  });
  afterAll(async () => {
    await s.stop();
  });

  it.each(['/api/chat/sessions/%/ws', '/api/chat/sessions/%E0%A4%A/ws?token=x', '//', '//[::1', 'http://[bad/api/inbox/ws'])(
    'answers %s with 400 and keeps serving',
    async (target) => {
      expect(await rawUpgrade(s.running.port, target)).toBe(400);
      await s.http.get('/api/openapi.json').expect(200);
    },
  );

  it('still upgrades a real customer socket afterwards', async () => {
    await rawUpgrade(s.running.port, '/api/chat/sessions/%/ws');
    const started = await s.http.post('/api/chat/flow-chat/sessions').expect(201);
    const { sessionId, sessionToken } = started.body as { sessionId: string; sessionToken: string };
    const socket = await openSocket(wsUrl(s.url, `/api/chat/sessions/${sessionId}/ws?token=${sessionToken}`));
    await socket.waitFor((f) => f.type === 'status');
    socket.send('not json');
    await socket.waitFor((f) => f.type === 'error');
    socket.close();
  });
});

describe('guarded listeners', () => {
  it('logs a synchronous throw and an async rejection instead of letting them escape', async () => {
    const logger = createLogger('silent');
    const error = vi.spyOn(logger, 'error');
    const fallback = vi.fn();
    const sync = guarded(logger, 'sync', () => {
      throw new Error('boom');
    }, fallback);
    const async = guarded(logger, 'async', async () => {
      throw new Error('later');
    }, fallback);
    expect(() => sync()).not.toThrow();
    async();
    await new Promise((r) => setImmediate(r));
    expect(error.mock.calls.map((c) => c[1])).toEqual(['sync', 'async']);
    expect(fallback).toHaveBeenCalledTimes(2);
  });
});
