// ESLint and its plugins live in the tools/lint workspace (see its package.json for why).
export { default } from './tools/lint/eslint.config.js';
