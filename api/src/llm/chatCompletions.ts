import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { ModelFailureReason, ModelMessage, ModelResult } from '../../../runtime/src/knowledge/languageModel';
import type { OutboundClient } from '../outbound';
import { discard } from '../outbound/readBody';
import type { LanguageModelProvider } from './settingsSchema';
import { retryAfterMs } from './retryAfter';
import { readEventStream, StreamFailure } from './readEventStream';

/**
 * A 429 is retried once when the provider asks for at most this wait and the answer's deadline
 * leaves room; a longer wait fails fast (`rateLimited`), since a customer is watching the widget.
 */
export const MAX_RETRY_WAIT_MS = 2_000;
/** Characters per token allowed before an answer counts as too long (providers that ignore `max_tokens`). */
const CHARS_PER_TOKEN_CAP = 8;
/** A JSON answer's envelope (ids, usage, logprobs) on top of its text. */
const ENVELOPE_BYTES = 64 * 1024;

export interface ProviderCall {
  provider: LanguageModelProvider;
  /** null: no Authorization header (a local Ollama needs none). */
  apiKey: string | null;
  messages: readonly ModelMessage[];
  maxTokens: number;
  onDelta?: (text: string) => void;
  signal?: AbortSignal;
}

export interface ChatCompletionsClient {
  complete(call: ProviderCall): Promise<ModelResult>;
}

export interface ChatCompletionsOptions {
  outbound: OutboundClient;
  logger: Logger;
  now?: () => number;
}

/** Rough count for providers that report no usage: about four characters per token. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

function endpoint(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/chat/completions`;
}

class CallFailure extends Error {
  constructor(
    readonly reason: ModelFailureReason,
    readonly detail: string,
  ) {
    super(detail);
  }
}

interface Usage {
  promptTokens: number;
  completionTokens: number;
}

function usageOf(raw: unknown): Usage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const u = raw as { prompt_tokens?: unknown; completion_tokens?: unknown };
  if (typeof u.prompt_tokens !== 'number' || typeof u.completion_tokens !== 'number') return null;
  return { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens };
}

async function readCappedText(body: Readable, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) {
      discard(body);
      throw new CallFailure('tooLong', `the answer is larger than ${limit} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonAnswer(text: string, charCap: number): { text: string; usage: Usage | null } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CallFailure('unavailable', `the answer is not JSON (${text.length} characters)`);
  }
  const choice = (json as { choices?: { message?: { content?: unknown }; finish_reason?: unknown }[] })?.choices?.[0];
  const content = choice?.message?.content;
  if (typeof content !== 'string') throw new CallFailure('unavailable', 'the answer has no choices[0].message.content');
  if (choice?.finish_reason === 'length' || content.length > charCap) throw new CallFailure('tooLong', 'the answer passed the maximum answer length');
  return { text: content, usage: usageOf((json as { usage?: unknown }).usage) };
}

/**
 * An OpenAI-compatible chat-completions client (OpenAI, Azure-style gateways, Mistral, Ollama's
 * /v1, vLLM, LM Studio) over the guarded outbound client, so a provider on an internal address
 * must be on SWITCHBOARD_HTTP_ALLOWLIST like any HTTP-request step. Never throws; every failure
 * is a reason plus a log line naming the provider, never the key or the text sent.
 */
export function createChatCompletionsClient(options: ChatCompletionsOptions): ChatCompletionsClient {
  const { outbound, logger } = options;
  const now = options.now ?? Date.now;

  async function attempt(call: ProviderCall, signal: AbortSignal, deadline: number, retried: boolean): Promise<{ text: string; usage: Usage | null }> {
    const { provider, apiKey } = call;
    const streaming = call.onDelta !== undefined;
    const body = JSON.stringify({
      model: provider.model,
      messages: call.messages,
      max_tokens: call.maxTokens,
      stream: streaming,
      ...(streaming ? { stream_options: { include_usage: true } } : {}),
    });
    const headers = [
      { name: 'content-type', value: 'application/json' },
      { name: 'accept', value: streaming ? 'text/event-stream' : 'application/json' },
      ...(apiKey ? [{ name: 'authorization', value: `Bearer ${apiKey}` }] : []),
    ];
    const host = new URL(provider.baseUrl).hostname;
    const opened = await outbound.open({
      method: 'POST',
      url: endpoint(provider.baseUrl),
      headers,
      body,
      signal,
      ...(apiKey ? { redact: [apiKey], bound: [{ value: apiKey, hosts: [host] }] } : {}),
    });
    if (!opened.ok) {
      if (opened.kind === 'refused') throw new CallFailure('refusedAddress', 'the provider address is refused (internal addresses must be on SWITCHBOARD_HTTP_ALLOWLIST)');
      if (opened.kind === 'timeout') throw new CallFailure('timeout', 'no answer in time');
      throw new CallFailure('unavailable', 'the provider could not be reached');
    }
    if (opened.status === 429) {
      discard(opened.body);
      const wait = retryAfterMs(opened.headers['retry-after'], now());
      if (!retried && wait !== null && wait <= MAX_RETRY_WAIT_MS && now() + wait < deadline) {
        logger.info({ llm: { provider: provider.id, retryAfterMs: wait } }, 'language model rate-limited the request; retrying once');
        await sleep(wait, undefined, { signal });
        return attempt(call, signal, deadline, true);
      }
      throw new CallFailure('rateLimited', wait === null ? 'the provider answered 429' : `the provider answered 429, retry after ${Math.ceil(wait / 1000)} s`);
    }
    if (opened.status < 200 || opened.status > 299) {
      discard(opened.body);
      const hint = opened.status === 401 || opened.status === 403 ? ' (check the API key)' : opened.status === 404 ? ' (check the base URL and the model)' : '';
      throw new CallFailure('unavailable', `the provider answered ${opened.status}${hint}`);
    }
    const charCap = call.maxTokens * CHARS_PER_TOKEN_CAP;
    const contentType = String(opened.headers['content-type'] ?? '');
    if (streaming && contentType.includes('text/event-stream')) {
      try {
        return await readEventStream(opened.body, charCap, call.onDelta!);
      } catch (err) {
        if (err instanceof StreamFailure) throw new CallFailure(err.reason, err.message);
        throw err;
      }
    }
    // A provider that ignores `stream` answers with one JSON document; that is an answer too.
    const answer = parseJsonAnswer(await readCappedText(opened.body, charCap * 4 + ENVELOPE_BYTES), charCap);
    if (streaming && answer.text !== '') call.onDelta!(answer.text);
    return answer;
  }

  return {
    async complete(call) {
      const started = now();
      const timeoutMs = call.provider.timeoutSeconds * 1000;
      const signal = call.signal ? AbortSignal.any([call.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
      const log = { provider: call.provider.id, model: call.provider.model, streaming: call.onDelta !== undefined };
      try {
        const { text, usage } = await attempt(call, signal, started + timeoutMs, false);
        const counted = usage ?? {
          promptTokens: estimateTokens(call.messages.map((m) => m.content).join('\n')),
          completionTokens: estimateTokens(text),
        };
        logger.info({ llm: { ...log, ...counted, estimated: usage === null, durationMs: now() - started } }, 'language model answered');
        return { ok: true, answer: { text, usage: counted, providerId: call.provider.id, model: call.provider.model } };
      } catch (err) {
        let failure: CallFailure;
        if (err instanceof CallFailure) failure = err;
        else if (signal.aborted) failure = new CallFailure('timeout', 'no complete answer in time');
        else failure = new CallFailure('unavailable', (err as Error)?.message || String(err));
        if (failure.reason !== 'timeout' && signal.aborted && failure.reason === 'brokenStream') failure = new CallFailure('timeout', 'no complete answer in time');
        logger.warn({ llm: { ...log, reason: failure.reason, detail: failure.detail, durationMs: now() - started } }, `language model request failed: ${failure.reason}`);
        return { ok: false, reason: failure.reason, detail: failure.detail };
      }
    },
  };
}
