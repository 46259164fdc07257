import http from 'node:http';

// Keep-alive and a bounded pool, as a browser holds a few connections per origin; undici's
// fetch costs the load client (sharing the CPU with the server) several times more per request.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs JSON to a loopback URL; resolves with the status once the response is fully read. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export function closeConnections(): void {
  agent.destroy();
}
