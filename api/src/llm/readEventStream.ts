import type { Readable } from 'node:stream';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { ModelFailureReason } from '../../../runtime/src/knowledge/languageModel';
import { discard } from '../outbound/readBody';

export class StreamFailure extends Error {
  constructor(
    readonly reason: Extract<ModelFailureReason, 'brokenStream' | 'tooLong' | 'unavailable'>,
    message: string,
  ) {
    super(message);
  }
}

interface Chunk {
  choices?: { delta?: { content?: unknown }; finish_reason?: unknown }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
  error?: unknown;
}

/**
 * Reads an OpenAI-style server-sent-event stream: `data: {chunk}` lines, then `data: [DONE]`.
 * A stream that ends before a finish reason or `[DONE]`, a socket that fails, or a chunk that
 * is not JSON is `brokenStream`; text past `charCap` (or a `length` finish) is `tooLong`, and
 * reading stops there.
 */
export async function readEventStream(
  body: Readable,
  charCap: number,
  onDelta: (text: string) => void,
): Promise<{ text: string; usage: { promptTokens: number; completionTokens: number } | null }> {
  let text = '';
  let finished = false;
  let usage: { promptTokens: number; completionTokens: number } | null = null;
  let failure: StreamFailure | null = null;

  const onEvent = (event: EventSourceMessage) => {
    if (failure) return;
    if (event.data === '[DONE]') {
      finished = true;
      return;
    }
    let chunk: Chunk;
    try {
      chunk = JSON.parse(event.data) as Chunk;
    } catch {
      failure = new StreamFailure('brokenStream', 'a streamed chunk is not JSON');
      return;
    }
    if (chunk.error !== undefined) {
      failure = new StreamFailure('unavailable', 'the provider reported an error inside the stream');
      return;
    }
    const u = chunk.usage;
    if (u && typeof u.prompt_tokens === 'number' && typeof u.completion_tokens === 'number') {
      usage = { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens };
    }
    const choice = chunk.choices?.[0];
    const delta = choice?.delta?.content;
    if (typeof delta === 'string' && delta !== '') {
      text += delta;
      if (text.length > charCap) {
        failure = new StreamFailure('tooLong', 'the answer passed the maximum answer length');
        return;
      }
      onDelta(delta);
    }
    if (choice?.finish_reason === 'length') failure = new StreamFailure('tooLong', 'the answer reached the maximum answer length');
    else if (typeof choice?.finish_reason === 'string') finished = true;
  };

  const parser = createParser({ onEvent });
  try {
    for await (const chunk of body) {
      parser.feed(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
      if (failure) break;
    }
  } catch (err) {
    if (failure) throw failure;
    throw new StreamFailure('brokenStream', `the stream broke: ${(err as Error)?.message ?? String(err)}`);
  }
  if (failure) {
    discard(body);
    throw failure;
  }
  if (!finished) throw new StreamFailure('brokenStream', 'the stream ended before the answer was complete');
  return { text, usage };
}
