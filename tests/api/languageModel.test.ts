import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeTestApp, type TestApp } from './support/testApp';
import { createLogger } from '../../api/src/logger';
import { languageModelOf, vaultOf } from '../../api/src/appServices';
import { startLlmStub, type LlmStub } from '../support/llmStub';

const KEY = 'sk-proj-VERY-SECRET-0123456789';
const lines: string[] = [];
let t: TestApp;
let stub: LlmStub;

beforeAll(async () => {
  stub = await startLlmStub();
  const logger = createLogger(
    'debug',
    new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  t = await makeTestApp({ logger, env: { SWITCHBOARD_HTTP_ALLOWLIST: '127.0.0.1' } });
});
afterAll(async () => {
  await t.close();
  await stub.close();
});

const admin = () => as(t.app, t.accounts.admin);
const provider = () => ({ id: 'main', name: 'Stub', baseUrl: stub.baseUrl, model: 'stub-1', timeoutSeconds: 5, maxAnswerTokens: 200 });
const settings = (extra: Record<string, unknown> = {}) => ({ providers: [{ ...provider(), apiKey: KEY }], defaultProviderId: 'main', maskPersonalData: true, monthlyTokenBudget: 1000, ...extra });

describe('language model settings API', () => {
  it('starts unconfigured, with masking on', async () => {
    const res = await admin().get('/api/settings/language-model');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ providers: [], defaultProviderId: null, maskPersonalData: true, monthlyTokenBudget: null, usage: { month: '2026-03', usedTokens: 0, budgetSpent: false, noticeAt: null } });
  });

  it('is for admins only', async () => {
    expect((await as(t.app, t.accounts.editor).get('/api/settings/language-model')).status).toBe(403);
    expect((await as(t.app, t.accounts.editor).put('/api/settings/language-model').send(settings())).status).toBe(403);
  });

  it('stores the key in the vault bound to the provider host, and never returns or logs it', async () => {
    const res = await admin().put('/api/settings/language-model').send(settings());
    expect(res.status).toBe(200);
    expect(res.body.providers).toEqual([{ ...provider(), apiKeySet: true }]);
    const secrets = await admin().get('/api/secrets');
    expect(secrets.body.secrets).toEqual([expect.objectContaining({ name: 'LLM_KEY_MAIN', hosts: ['127.0.0.1'] })]);
    // Left out, the key stays.
    const kept = await admin().put('/api/settings/language-model').send(settings({ providers: [provider()] }));
    expect(kept.body.providers[0].apiKeySet).toBe(true);
    const file = await readFile(path.join(t.dataDir, 'settings.json'), 'utf8');
    expect(file).not.toContain(KEY);
    expect(JSON.stringify(res.body) + JSON.stringify(kept.body) + lines.join('')).not.toContain('VERY-SECRET');
    const audit = await admin().get('/api/audit?action=languageModel.update');
    expect(audit.body.entries.at(-1).detail).toMatchObject({ providers: 'main (stub-1)', apiKeysChanged: 'main' });
  });

  it('refuses bad settings with the field path', async () => {
    const res = await admin().put('/api/settings/language-model').send(settings({ providers: [{ ...provider(), baseUrl: 'ftp://x', apiKey: KEY }] }));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('providers.0.baseUrl');
  });

  it('the general settings neither show nor drop the language model', async () => {
    const general = await admin().get('/api/settings');
    expect(general.body.languageModel).toBeUndefined();
    expect((await admin().put('/api/settings').send({ ...general.body, organizationName: 'Shop' })).status).toBe(200);
    expect((await admin().get('/api/settings/language-model')).body.providers).toHaveLength(1);
  });

  it('"Test connection" reaches the provider with the stored key and reports failures by reason', async () => {
    stub.script({ kind: 'answer', text: 'ready' });
    const ok = await admin().post('/api/settings/language-model/test').send({ provider: provider() });
    expect(ok.body).toMatchObject({ ok: true, answer: 'ready' });
    expect(stub.requests.at(-1)!.authorization).toBe(`Bearer ${KEY}`);
    stub.script({ kind: 'status', status: 401 });
    const bad = await admin().post('/api/settings/language-model/test').send({ provider: { ...provider(), apiKey: 'wrong' } });
    expect(bad.body).toMatchObject({ ok: false, reason: 'unavailable', detail: 'the provider answered 401 (check the API key)' });
  });

  it('counts tokens against the monthly budget, tells admins once when it is spent, then refuses', async () => {
    const model = languageModelOf(t.deps);
    stub.script({ kind: 'answer', text: 'one', usage: { prompt_tokens: 600, completion_tokens: 500 } });
    const first = await model.complete({ messages: [{ role: 'user', content: 'hi' }] });
    expect(first.ok).toBe(true);
    const view = await admin().get('/api/settings/language-model');
    expect(view.body.usage).toMatchObject({ usedTokens: 1100, budgetSpent: true, noticeAt: expect.any(String) });
    const again = await model.complete({ messages: [{ role: 'user', content: 'hi' }] });
    expect(again).toMatchObject({ ok: false, reason: 'budgetSpent' });
    const audit = await admin().get('/api/audit?action=languageModel.budgetSpent');
    expect(audit.body.entries).toHaveLength(1);
    expect(audit.body.entries[0]).toMatchObject({ actor: { kind: 'system' }, detail: { budget: 1000, used: 1100 } });
    expect(lines.join('')).toContain('monthly token budget spent');
    // A new month starts over.
    t.now.value = Date.parse('2026-04-01T00:00:01Z');
    stub.script({ kind: 'answer', text: 'two' });
    expect((await model.complete({ messages: [{ role: 'user', content: 'hi' }] })).ok).toBe(true);
  });

  it('removing a provider removes its key', async () => {
    // The clock moved a month on, past the session's life: sign in again.
    const fresh = as(t.app, await t.login(t.accounts.admin.email));
    expect((await fresh.put('/api/settings/language-model').send(settings({ providers: [], defaultProviderId: null }))).status).toBe(200);
    expect(await vaultOf(t.deps).names()).toEqual([]);
    expect(await languageModelOf(t.deps).complete({ messages: [{ role: 'user', content: 'hi' }] })).toMatchObject({ ok: false, reason: 'notConfigured' });
  });
});
