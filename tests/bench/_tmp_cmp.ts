import express from 'express';
import http from 'node:http';
import autocannon from 'autocannon';
const app = express(); app.use(express.json());
app.post('/echo', (req, res) => { res.json({ ok: String((req.body as any).optionId) }); });
const s = http.createServer(app);
await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
const port = (s.address() as any).port;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function one(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = http.request(`http://127.0.0.1:${port}/echo`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => { res.resume(); res.on('end', () => resolve(performance.now() - t)); });
    req.on('error', reject); req.end('{"optionId":"loop"}');
  });
}
for (let k = 0; k < 2; k++) {
  const r = await autocannon({ url: `http://127.0.0.1:${port}/echo`, connections: 1, duration: 3, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"optionId":"loop"}' });
  console.log('autocannon', r.requests.average, r.latency.p50, r.latency.p99, r.latency.average);
  const t0 = performance.now(); let n = 0; const lat: number[] = [];
  while (performance.now() - t0 < 3000) { lat.push(await one()); n++; }
  lat.sort((a, b) => a - b);
  console.log('http.request', (n / 3).toFixed(0), lat[n >> 1]!.toFixed(2), lat[Math.floor(n * .99)]!.toFixed(2));
}
s.close(); agent.destroy();
