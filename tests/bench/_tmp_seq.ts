import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import pino from 'pino';
import { loadConfig } from '../../api/src/config';
import { createLogger } from '../../api/src/logger';
import { startServer } from '../../api/src/server';
import { chatFlowDocument } from '../unit/chat/support/chatFlow';
const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-seq-'));
const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }, dataDir);
const running = await startServer(config, { logger: createLogger('info', pino.destination({ dest: path.join(dataDir, 'log'), sync: true })), print: () => {}, editorDist: null, chat: { limits: { sessionsPerIpPerMinute: 1e9, messagesPerSessionPerMinute: 1e9 } } });
const flow = chatFlowDocument({ id: 'b' });
await running.deps.stores.flows.create(flow, null);
await running.deps.stores.flows.publish(flow.id, { note: 'b', by: null });
const base = `http://127.0.0.1:${running.port}`;
const s = (await (await fetch(`${base}/api/chat/b/sessions`, { method: 'POST' })).json()) as any;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function one(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = http.request(`${base}/api/chat/sessions/${s.sessionId}/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${s.sessionToken}` } }, (res) => {
      res.resume(); res.on('end', () => resolve(performance.now() - t));
    });
    req.on('error', reject);
    req.end('{"optionId":"loop"}');
  });
}
const N = Number(process.argv[2] ?? 2000);
for (let i = 0; i < 200; i++) await one();
const lat: number[] = [];

const c0 = process.cpuUsage(); const t0 = performance.now();
for (let i = 0; i < N; i++) lat.push(await one());
const el = performance.now() - t0;  const cu = process.cpuUsage(c0);
lat.sort((a, b) => a - b);
console.log(`cpu/turn ${((cu.user + cu.system) / N).toFixed(0)}us (user ${(cu.user/N).toFixed(0)} sys ${(cu.system/N).toFixed(0)}) seq ${N}: ${(N / el * 1000).toFixed(0)}/s p50 ${lat[N >> 1]!.toFixed(2)} p99 ${lat[Math.floor(N * 0.99)]!.toFixed(2)}`);
import('node:fs').then(async (fs) => {
  for (const t of fs.readdirSync('/proc/self/task')) {
    const st = fs.readFileSync(`/proc/self/task/${t}/stat`, 'utf8'); const comm = fs.readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim();
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    console.log(t, comm, 'utime', f[11], 'stime', f[12]);
  }
});
await new Promise((r) => setTimeout(r, 100));
await running.close();
