/**
 * `npm run bench`: runs every tests/bench/*.bench.ts in turn, each in its own process so that
 * one benchmark's heap and sockets do not skew the next. Exits non-zero if any of them fails.
 * Arguments before the first `--option` pick benches by name; the rest go to each bench
 * (`npm run bench -- capacity --conversations 2000,5000`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('--'));
const only = firstOption === -1 ? args : args.slice(0, firstOption);
const benchArgs = firstOption === -1 ? [] : args.slice(firstOption);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const tsx = path.resolve(dir, '../../node_modules/.bin/tsx');
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n=== ${file} ===\n`);
  const started = Date.now();
  const result = spawnSync(tsx, [path.join(dir, file), ...benchArgs], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    failed++;
    process.stdout.write(`--- ${file} FAILED (exit ${result.status ?? result.signal}) after ${seconds}s\n`);
  } else {
    process.stdout.write(`--- ${file} done in ${seconds}s\n`);
  }
}
process.exit(failed === 0 ? 0 : 1);
