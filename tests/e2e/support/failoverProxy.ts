import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ProxyUpstream {
  name: string;
  port: number;
}

/** A TCP-level reverse proxy in front of several instances on loopback (HTTP and WebSockets alike). */
export interface FailoverProxy {
  url: string;
  /** Which upstream each accepted connection went to, in order. */
  readonly routed: readonly string[];
  /** Points an upstream at a new port (an instance started again); it is health-checked before use. */
  setUpstream(upstream: ProxyUpstream): void;
  /** Resolves once the named upstream's health check has answered as asked. */
  waitUntil(name: string, healthy: boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface UpstreamState extends ProxyUpstream {
  healthy: boolean;
}

async function ready(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(500) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * What a load balancer with a primary and a backup does (nginx `backup`, HAProxy `option httpchk
 * GET /readyz`): every new connection goes to the first upstream whose /readyz answered 200 at the
 * last check (every `checkEveryMs`); a refused connection marks that upstream down and tries the
 * next, as nginx's `proxy_next_upstream error` would. Connections already open stay where they
 * are until either side closes them.
 */
export async function startFailoverProxy(upstreams: ProxyUpstream[], options: { checkEveryMs?: number } = {}): Promise<FailoverProxy> {
  const states: UpstreamState[] = upstreams.map((u) => ({ ...u, healthy: false }));
  const routed: string[] = [];
  const open = new Set<net.Socket>();
  const check = async () => {
    await Promise.all(states.map(async (s) => void (s.healthy = await ready(s.port))));
  };
  await check();
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    void check().finally(() => (checking = false));
  }, options.checkEveryMs ?? 200);

  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    // A reset on either side only ends that pair of sockets.
    socket.on('error', () => socket.destroy());
  };

  const connectTo = (candidates: UpstreamState[], client: net.Socket) => {
    const next = candidates.shift();
    if (!next) {
      client.destroy();
      return;
    }
    const upstream = net.connect(next.port, '127.0.0.1');
    const onFail = () => {
      next.healthy = false;
      upstream.destroy();
      connectTo(candidates, client);
    };
    upstream.once('error', onFail);
    upstream.once('connect', () => {
      upstream.off('error', onFail);
      track(upstream);
      routed.push(next.name);
      client.pipe(upstream);
      upstream.pipe(client);
      upstream.once('close', () => client.destroy());
      client.once('close', () => upstream.destroy());
      client.resume();
    });
  };

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    // Healthy ones in order first; when none is, the others still get a try, as nginx does.
    connectTo([...states.filter((s) => s.healthy), ...states.filter((s) => !s.healthy)], client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    routed,
    setUpstream(upstream) {
      const state = states.find((s) => s.name === upstream.name);
      if (!state) throw new Error(`no upstream ${upstream.name}`);
      state.port = upstream.port;
      state.healthy = false;
    },
    async waitUntil(name, healthy, timeoutMs = 15_000) {
      const state = states.find((s) => s.name === name);
      if (!state) throw new Error(`no upstream ${name}`);
      const deadline = Date.now() + timeoutMs;
      while (state.healthy !== healthy) {
        if (Date.now() > deadline) throw new Error(`upstream ${name} did not become ${healthy ? 'healthy' : 'unhealthy'}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      clearInterval(timer);
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
