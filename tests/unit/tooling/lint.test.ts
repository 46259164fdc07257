import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// `npm run lint` guards the import graph. These prove its checks can fail: a two-file cycle and
// each crossed boundary is reported, and the allowed imports are not.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot, ignore: false });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('npm run lint', () => {
  it('reports an import cycle', async () => {
    const results = await eslint.lintFiles(['tests/unit/tooling/fixtures/cycle/*.ts']);
    const cycles = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'import-x/no-cycle'));
    expect(cycles).toHaveLength(2);
  }, 60_000);

  it.each([
    ['the editor reaching into runtime/src', "import { start } from '../../runtime/src/engine';\nstart;\n", 'editor/src/app/x.ts'],
    ['the editor importing the Node-only runtime', "import { ChatService } from '@switchboard/runtime/server';\nChatService;\n", 'editor/src/app/x.ts'],
    ['the editor importing the API', "import { createApp } from '../../api/src/app';\ncreateApp;\n", 'editor/src/app/x.ts'],
    ['browser-safe runtime code importing node:*', "import { randomUUID } from 'node:crypto';\nrandomUUID;\n", 'runtime/src/engine/x.ts'],
    ['browser-safe runtime code importing runtime/src/server', "import { ChatService } from '../server/chat/chatService';\nChatService;\n", 'runtime/src/engine/x.ts'],
    ['the runtime importing the API', "import { createApp } from '../../../api/src/app';\ncreateApp;\n", 'runtime/src/server/x.ts'],
    ['the editor importing a value from the API contract', "import { contract } from '../../api/src/contract';\ncontract;\n", 'editor/src/app/x.ts'],
    ['the API importing the editor', "import { api } from '../../editor/src/api';\napi;\n", 'api/src/routes/x.ts'],
  ])('refuses %s', async (_what, code, filePath) => {
    expect(await ruleIds(code, filePath)).toContain('no-restricted-imports');
  }, 60_000);

  it.each([
    ['the editor importing @switchboard/runtime', "import { start } from '@switchboard/runtime';\nstart;\n", 'editor/src/app/x.ts'],
    ['the editor importing types from the API contract', "import type { contract } from '../../api/src/contract';\nexport type C = typeof contract;\n", 'editor/src/app/x.ts'],
    ['Node-only runtime code importing node:crypto', "import { randomUUID } from 'node:crypto';\nrandomUUID;\n", 'runtime/src/server/x.ts'],
    ['the API importing the runtime', "import { ChatService } from '../../../runtime/src/server/chat/chatService';\nChatService;\n", 'api/src/chat/x.ts'],
  ])('allows %s', async (_what, code, filePath) => {
    expect(await ruleIds(code, filePath)).not.toContain('no-restricted-imports');
  }, 60_000);
});
