import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeTestApp, type TestApp } from '../support/testApp';
import { createChatModule, CONVERSATIONS_FILE, type ChatModule } from '../../../api/src/chat/chatModule';
import { SqliteConversationStore } from '../../../api/src/storage/sqlite/sqliteConversationStore';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';

// The SQLite store's analytics reads run in a worker with a bounded queue; here the worker is
// slowed down (a test hook standing in for a slow query) and allowed no queue at all, so a
// second read while one runs is refused.
let t: TestApp;
let chat: ChatModule;

beforeAll(async () => {
  t = await makeTestApp({
    chat: (deps) => {
      const store = SqliteConversationStore.open(path.join(deps.config.dataDir, CONVERSATIONS_FILE), {
        analyticsReads: { slowdownMs: 1500, queueLimit: 0 },
      });
      chat = createChatModule(deps, { store });
      return chat.routes;
    },
  });
  await t.deps.stores.flows.create(chatFlowDocument({ id: 'flow-busy' }), null);
});

afterAll(async () => {
  await chat?.close();
  await t?.close();
});

describe('analytics while the read worker is busy', () => {
  it('answers 503 JSON at once when the queue is full, and the running read still completes', async () => {
    const editor = () => as(t.app, t.accounts.editor);
    let firstDone = false;
    const first = editor()
      .get('/api/flows/flow-busy/analytics')
      .then((r) => {
        firstDone = true;
        return r;
      });
    // Let the first request reach the store before the second is sent.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await editor().get('/api/flows/flow-busy/analytics/paths');
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({ code: 'busy' });
    expect(refused.body.error.message).toMatch(/try again/);
    // Refused without waiting for the read in progress.
    expect(firstDone).toBe(false);
    const done = await first;
    expect(done.status).toBe(200);
    expect(done.body.figures.conversations.started).toBe(0);
  });
});
