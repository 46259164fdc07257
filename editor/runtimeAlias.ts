import { fileURLToPath } from 'node:url';

// The runtime's import paths, as declared in runtime/package.json `exports` and mirrored in
// tsconfig.json `paths`. Exact matches only, so `@switchboard/runtime/src/...` cannot reach
// into the runtime's internals.
const runtimeSrc = (file: string) => fileURLToPath(new URL(`../runtime/src/${file}`, import.meta.url));

export const runtimeAlias = [
  { find: /^@switchboard\/runtime$/, replacement: runtimeSrc('index.ts') },
  { find: /^@switchboard\/runtime\/server$/, replacement: runtimeSrc('server/index.ts') },
];
