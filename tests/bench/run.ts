/**
 * `npm run bench`: runs every tests/bench/*.bench.ts in turn, each in its own process so that
 * one benchmark's heap and sockets do not skew the next. Exits non-zero if any of them fails.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const tsx = path.resolve(dir, '../../node_modules/.bin/tsx');
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n=== ${file} ===\n`);
  const started = Date.now();
  const result = spawnSync(tsx, [path.join(dir, file)], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    failed++;
    process.stdout.write(`--- ${file} FAILED (exit ${result.status ?? result.signal}) after ${seconds}s\n`);
  } else {
    process.stdout.write(`--- ${file} done in ${seconds}s\n`);
  }
}
process.exit(failed === 0 ? 0 : 1);
