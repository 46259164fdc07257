import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { startHeartbeat, type Heartbeat } from '../../../api/src/ws/heartbeat';

const INTERVAL_MS = 300;

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

/** A loopback server whose every socket the heartbeat watches. */
async function serve(heartbeat: Heartbeat): Promise<string> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  wss.on('connection', (ws) => heartbeat.watch(ws));
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  cleanup.push(async () => {
    heartbeat.stop();
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });
  return `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
}

interface Client {
  ws: WebSocket;
  /** When each ping arrived (performance.now()). */
  pings: number[];
  closedAt: Promise<number>;
}

async function connect(url: string, answer = true): Promise<Client> {
  const ws = new WebSocket(url, { autoPong: answer });
  const pings: number[] = [];
  ws.on('ping', () => pings.push(performance.now()));
  const closedAt = new Promise<number>((resolve) => ws.once('close', () => resolve(performance.now())));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  cleanup.push(async () => {
    ws.terminate();
    await closedAt;
  });
  return { ws, pings, closedAt };
}

describe('socket heartbeat', () => {
  it('keeps a socket that answers, pinging it once per interval', async () => {
    const url = await serve(startHeartbeat(INTERVAL_MS));
    const client = await connect(url);
    await sleep(INTERVAL_MS * 4.5);
    expect(client.ws.readyState).toBe(WebSocket.OPEN);
    // Four or five pings in 4.5 intervals (timers on a busy machine may slip one).
    expect(client.pings.length).toBeGreaterThanOrEqual(3);
    expect(client.pings.length).toBeLessThanOrEqual(5);
    const gaps = client.pings.slice(1).map((t, i) => t - client.pings[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThan(INTERVAL_MS * 0.7);
  });

  it('drops a socket that does not answer its ping, within two intervals', async () => {
    const url = await serve(startHeartbeat(INTERVAL_MS));
    const opened = performance.now();
    const client = await connect(url, false);
    const closedAt = await Promise.race([client.closedAt, sleep(INTERVAL_MS * 6).then(() => NaN)]);
    expect(client.pings.length).toBeGreaterThanOrEqual(1);
    // Pinged once, dropped at its next turn: not before an interval has passed to answer.
    expect(closedAt - client.pings[0]!).toBeGreaterThan(INTERVAL_MS * 0.7);
    expect(closedAt - opened).toBeLessThan(INTERVAL_MS * 3);
  });

  it('spreads the pings over the interval instead of pinging every socket at once', async () => {
    const url = await serve(startHeartbeat(INTERVAL_MS));
    const clients = await Promise.all(Array.from({ length: 30 }, () => connect(url)));
    await sleep(INTERVAL_MS * 1.5);
    const firsts = clients.map((c) => c.pings[0]).filter((t): t is number => t !== undefined);
    expect(firsts).toHaveLength(30);
    expect(Math.max(...firsts) - Math.min(...firsts)).toBeGreaterThan(INTERVAL_MS / 2);
  });

  it('stops pinging when stopped', async () => {
    const heartbeat = startHeartbeat(INTERVAL_MS);
    const url = await serve(heartbeat);
    const client = await connect(url, false);
    heartbeat.stop();
    await sleep(INTERVAL_MS * 3);
    expect(client.pings).toHaveLength(0);
    expect(client.ws.readyState).toBe(WebSocket.OPEN);
  });
});
