import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { runtimeAlias } from './runtimeAlias.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// The editor imports the runtime as `@switchboard/runtime` (runtime/src, not a build) and
// `samples/**` straight from the repo so the preview runs the same schema and interpreter as the
// server; Vite must be allowed to serve them.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: { alias: runtimeAlias },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    fs: { allow: [repoRoot] },
  },
});
