import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { runtimeAlias } from './editor/runtimeAlias.ts';

// Each project resolves the runtime's public import paths the way the editor build does.
const resolve = { alias: runtimeAlias };

// Three projects so that fast unit/API tests, jsdom component tests and real-Chromium
// end-to-end tests each get the environment and time budget they need.
export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts'],
        },
      },
      {
        resolve,
        plugins: [react()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/component/setup.ts'],
          // Typing through user-event in jsdom (and the intent form retraining as it goes) takes
          // a few seconds; on a busy two-core CI machine the 5 s default timed tests out.
          testTimeout: 20_000,
        },
      },
      {
        resolve,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
