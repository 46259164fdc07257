import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { runtimeAlias } from './runtimeAlias.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// The editor imports the runtime as `@switchboard/runtime` (runtime/src, not a build) and
// `samples/**` straight from the repo so the preview runs the same schema and interpreter as the
// server; Vite must be allowed to serve them.
export default defineConfig({
  root,
  base: '/',
  // Brotli and gzip copies of each text asset, written once at build time: the server sends the
  // one the browser accepts (api/src/http/editorStatic.ts) instead of compressing per request.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|html|svg|json)$/, threshold: 1024 })],
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
