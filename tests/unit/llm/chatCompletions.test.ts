import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChatCompletionsClient, type ProviderCall } from '../../../api/src/llm/chatCompletions';
import type { LanguageModelProvider } from '../../../api/src/llm/settingsSchema';
import { startLlmStub, type LlmStub } from '../../support/llmStub';
import { createOutboundClient } from '../../../api/src/outbound';
import { capturedLogger, fakeResolver, loopbackOnlyConnector } from '../outbound/support/harness';

let stub: LlmStub;
beforeAll(async () => {
  stub = await startLlmStub();
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.requests.length = 0;
});

const KEY = 'sk-test-9f8e7d6c5b4a';

function setup(overrides: Partial<LanguageModelProvider> = {}, allowlist = ['127.0.0.1']) {
  const { connect, forbidden } = loopbackOnlyConnector();
  const { logger, lines } = capturedLogger();
  const outbound = createOutboundClient({ resolver: fakeResolver({}), allowlist, logger, connect });
  const client = createChatCompletionsClient({ outbound, logger });
  const provider: LanguageModelProvider = { id: 'main', name: 'Stub', baseUrl: stub.baseUrl, model: 'stub-1', timeoutSeconds: 2, maxAnswerTokens: 100, ...overrides };
  const call = (extra: Partial<ProviderCall> = {}) =>
    client.complete({ provider, apiKey: KEY, messages: [{ role: 'user', content: 'Hello' }], maxTokens: provider.maxAnswerTokens, ...extra });
  return { call, lines, forbidden };
}

function logged(lines: string[]): string {
  return lines.join('');
}

describe('chat-completions client against the loopback stub', () => {
  it('answers without streaming, sending the model, max_tokens and the key', async () => {
    const { call, lines } = setup();
    stub.script({ kind: 'answer', text: 'Returns take 30 days.' });
    const result = await call();
    expect(result).toEqual({ ok: true, answer: { text: 'Returns take 30 days.', usage: { promptTokens: 100, completionTokens: 20 }, providerId: 'main', model: 'stub-1' } });
    expect(stub.requests[0]!.path).toBe('/v1/chat/completions');
    expect(stub.requests[0]!.authorization).toBe(`Bearer ${KEY}`);
    expect(stub.requests[0]!.body).toMatchObject({ model: 'stub-1', max_tokens: 100, stream: false });
    expect(logged(lines)).toContain('language model answered');
    expect(logged(lines)).not.toContain(KEY);
  });

  it('streams deltas in order and returns the whole text', async () => {
    const { call } = setup();
    stub.script({ kind: 'answer', text: 'You can return it within 30 days.', chunkDelayMs: 2 });
    const deltas: string[] = [];
    const result = await call({ onDelta: (d) => deltas.push(d) });
    expect(result.ok && result.answer.text).toBe('You can return it within 30 days.');
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe('You can return it within 30 days.');
    expect(stub.requests[0]!.body.stream).toBe(true);
  });

  it('estimates usage when the provider reports none', async () => {
    const { call, lines } = setup();
    stub.script({ kind: 'answer', text: 'abcdefgh', usage: null });
    const result = await call();
    expect(result.ok && result.answer.usage).toEqual({ promptTokens: 2, completionTokens: 2 });
    expect(logged(lines)).toContain('"estimated":true');
  });

  it('a slow answer past the timeout is `timeout`, streaming or not', async () => {
    const { call, lines } = setup({ timeoutSeconds: 1 });
    stub.script({ kind: 'hang' });
    expect(await call()).toMatchObject({ ok: false, reason: 'timeout' });
    stub.script({ kind: 'answer', text: 'one two three four five six seven eight nine ten', chunkDelayMs: 150 });
    expect(await call({ onDelta: () => undefined })).toMatchObject({ ok: false, reason: 'timeout' });
    expect(logged(lines)).toContain('language model request failed: timeout');
  });

  it('a 500 is `unavailable` with the status in the log line, never the key', async () => {
    const { call, lines } = setup();
    stub.script({ kind: 'status', status: 500 });
    expect(await call()).toMatchObject({ ok: false, reason: 'unavailable', detail: 'the provider answered 500' });
    stub.script({ kind: 'status', status: 401 });
    expect(await call()).toMatchObject({ ok: false, reason: 'unavailable', detail: 'the provider answered 401 (check the API key)' });
    expect(logged(lines)).toContain('language model request failed: unavailable');
    expect(logged(lines)).not.toContain(KEY);
  });

  it('a 429 asking for a short wait is retried once; a long wait or a second 429 fails fast as `rateLimited`', async () => {
    const { call, lines } = setup();
    stub.script({ kind: 'status', status: 429, retryAfter: '0' }, { kind: 'answer', text: 'After the wait.' });
    expect(await call()).toMatchObject({ ok: true, answer: { text: 'After the wait.' } });
    expect(stub.requests).toHaveLength(2);
    expect(logged(lines)).toContain('retrying once');

    stub.requests.length = 0;
    stub.script({ kind: 'status', status: 429, retryAfter: '60' }, { kind: 'answer', text: 'never' });
    expect(await call()).toMatchObject({ ok: false, reason: 'rateLimited', detail: 'the provider answered 429, retry after 60 s' });
    expect(stub.requests).toHaveLength(1);

    stub.requests.length = 0;
    stub.script({ kind: 'status', status: 429, retryAfter: '0' }, { kind: 'status', status: 429, retryAfter: '0' }, { kind: 'answer', text: 'never' });
    expect(await call()).toMatchObject({ ok: false, reason: 'rateLimited' });
    expect(stub.requests).toHaveLength(2);
    expect(logged(lines)).toContain('language model request failed: rateLimited');
  });

  it('a stream that drops or sends garbage is `brokenStream`', async () => {
    const { call, lines } = setup();
    stub.script({ kind: 'broken', text: 'Half an' });
    const deltas: string[] = [];
    expect(await call({ onDelta: (d) => deltas.push(d) })).toMatchObject({ ok: false, reason: 'brokenStream' });
    expect(deltas).toEqual(['Half an']);
    stub.script({ kind: 'garbage' });
    expect(await call({ onDelta: () => undefined })).toMatchObject({ ok: false, reason: 'brokenStream', detail: 'a streamed chunk is not JSON' });
    expect(logged(lines)).toContain('language model request failed: brokenStream');
  });

  it('an answer past the maximum length is `tooLong`, and reading stops', async () => {
    const { call, lines } = setup({ maxAnswerTokens: 20 });
    stub.script({ kind: 'oversized', chars: 200_000 });
    expect(await call({ onDelta: () => undefined })).toMatchObject({ ok: false, reason: 'tooLong' });
    expect(await call()).toMatchObject({ ok: false, reason: 'tooLong' });
    stub.script({ kind: 'answer', text: 'cut off here', finishReason: 'length' });
    expect(await call({ onDelta: () => undefined })).toMatchObject({ ok: false, reason: 'tooLong' });
    expect(logged(lines)).toContain('language model request failed: tooLong');
  });

  it('a provider on an internal address not on the allowlist is `refusedAddress`, and nothing is sent', async () => {
    const { call, lines } = setup({}, []);
    stub.script({ kind: 'answer', text: 'never' });
    expect(await call()).toMatchObject({ ok: false, reason: 'refusedAddress' });
    expect(stub.requests).toHaveLength(0);
    expect(logged(lines)).toContain('language model request failed: refusedAddress');
  });

  it('a provider that cannot be reached is `unavailable`', async () => {
    const { call } = setup({ baseUrl: 'http://127.0.0.1:1/v1' });
    expect(await call()).toMatchObject({ ok: false, reason: 'unavailable' });
  });
});
