import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { runtimeAlias } from './runtimeAlias.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

// The embeddable chat widget: one self-contained IIFE (no framework, no chunks) written beside
// the editor build as dist/widget.js. Run after the editor build, which empties dist.
export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  resolve: { alias: runtimeAlias },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    sourcemap: false,
    minify: true,
    copyPublicDir: false,
    lib: {
      entry: fileURLToPath(new URL('./src/widget/main.ts', import.meta.url)),
      formats: ['iife'],
      name: 'SwitchboardWidget',
      fileName: () => 'widget.js',
    },
  },
});
