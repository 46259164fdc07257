// The project's ESLint configuration (loaded by /eslint.config.js). It lives in this workspace so
// that typescript-eslint and the import resolver find classic TypeScript 6.0 here, while the rest
// of the project compiles with TypeScript 7.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new globalThis.URL('../..', import.meta.url));

const RUNTIME_INTERNALS = {
  group: ['**/runtime/src', '**/runtime/src/**', '@switchboard/runtime/*'],
  message: "The editor imports the runtime only as '@switchboard/runtime' (runtime/src/index.ts).",
};
const SERVER_RUNTIME = {
  group: ['**/server', '**/server/**', '@switchboard/runtime/server'],
  message: 'Browser-safe runtime code must not import the Node-only runtime/src/server.',
};
const NODE_BUILTINS = {
  group: ['node:*'],
  message: 'Browser-safe runtime code must not import Node built-ins; Node-only code goes in runtime/src/server.',
};
const API = { group: ['**/api/src', '**/api/src/**'], message: 'Only the API and the tests import api/src.' };
// The editor's client takes its request and response types from the API contract; values would
// bring server code into the bundle, so only `import type` passes.
const API_FOR_EDITOR = [
  {
    // A regular expression, since a glob cannot re-include a folder below an excluded one.
    regex: '(^|/)api/src(/(?!contract(/|$))|$)',
    message: 'The editor takes only types from the API contract (api/src/contract), nothing else from api/src.',
  },
  {
    regex: '(^|/)api/src/contract(/|$)',
    allowTypeImports: true,
    message: 'The editor takes only types from the API contract: use `import type`.',
  },
];
const EDITOR = { group: ['**/editor/src', '**/editor/src/**'], message: 'Only the editor and the tests import editor/src.' };

const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'editor/dist/**',
      'data/**',
      'tests/e2e/.artifacts/**',
      'tests/bench/.results/**',
      // Files the lint test feeds to ESLint on purpose (an import cycle, a crossed boundary).
      'tests/unit/tooling/fixtures/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these import-x skips .ts files when it follows imports, and sees no cycles.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${repoRoot}/tsconfig.json` })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['editor/src/**/*.{ts,tsx}', 'tests/component/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Tests break documents on purpose (delete a required field, set a wrong type); `any` says so.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // The boundaries (CONTRIBUTING.md, "Layout").
  { files: ['editor/src/**'], rules: { 'no-restricted-imports': restrict(RUNTIME_INTERNALS, ...API_FOR_EDITOR) } },
  { files: ['runtime/src/**'], ignores: ['runtime/src/server/**'], rules: { 'no-restricted-imports': restrict(NODE_BUILTINS, SERVER_RUNTIME, API, EDITOR) } },
  { files: ['runtime/src/server/**', 'runtime/scripts/**'], rules: { 'no-restricted-imports': restrict(API, EDITOR) } },
  { files: ['api/src/**'], rules: { 'no-restricted-imports': restrict(EDITOR) } },
);
