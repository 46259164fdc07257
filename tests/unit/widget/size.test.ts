import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { build } from 'vite';

const CONFIG = path.resolve(import.meta.dirname, '../../../editor/vite.widget.config.ts');
const LIMIT = 50 * 1024;
let outDir = '';

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

it('builds widget.js as one self-contained script under 50 KB gzipped', async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'sb-widget-size-'));
  await build({ configFile: CONFIG, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const code = await readFile(path.join(outDir, 'widget.js'));
  const gzipped = gzipSync(code, { level: 9 }).length;
  console.info(`widget.js: ${code.length} bytes, ${gzipped} bytes gzipped`);
  expect(gzipped).toBeLessThan(LIMIT);
  const text = code.toString('utf8');
  // An IIFE: no module syntax a classic <script async> tag would choke on, and no framework.
  expect(text).not.toMatch(/^\s*import[\s{]/m);
  expect(text).not.toMatch(/\bexport\s*\{/);
  expect(text).not.toContain('react');
  // Message content is never parsed as HTML anywhere in the widget.
  expect(text).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/);
}, 60_000);
