import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for an OpenAI-compatible chat-completions server. Each request takes the
 * next scripted reply (the last one repeats), answering as JSON or as a server-sent-event stream
 * depending on the request's `stream`, so no test ever reaches a real model.
 */
export type StubReply =
  /** An answer, streamed in `chunks` pieces (default: word by word) when the request streams. */
  | { kind: 'answer'; text: string; delayMs?: number; chunkDelayMs?: number; usage?: { prompt_tokens: number; completion_tokens: number } | null; finishReason?: string }
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  /** Streams `text` then drops the connection without finishing. */
  | { kind: 'broken'; text: string }
  /** Streams a chunk that is not JSON. */
  | { kind: 'garbage' }
  /** Never answers (the client's timeout must end it). */
  | { kind: 'hang' }
  /** Ignores max_tokens and sends this many characters. */
  | { kind: 'oversized'; chars: number };

export interface StubRequest {
  path: string;
  authorization: string | undefined;
  body: { model?: string; messages?: { role: string; content: string }[]; max_tokens?: number; stream?: boolean; [k: string]: unknown };
}

export interface LlmStub {
  baseUrl: string;
  requests: StubRequest[];
  script(...replies: StubReply[]): void;
  close(): Promise<void>;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [text];
}

export async function startLlmStub(): Promise<LlmStub> {
  let replies: StubReply[] = [{ kind: 'answer', text: 'OK' }];
  const requests: StubRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();

  async function reply(req: http.IncomingMessage, res: http.ServerResponse, raw: string): Promise<void> {
    let body: StubRequest['body'] = {};
    try {
      body = JSON.parse(raw) as StubRequest['body'];
    } catch {
      /* recorded as empty */
    }
    requests.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
    const next = replies.length > 1 ? replies.shift()! : replies[0]!;
    const stream = body.stream === true;
    const chunk = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const sseHead = () => res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    switch (next.kind) {
      case 'hang':
        return;
      case 'status':
        res.writeHead(next.status, { 'content-type': 'application/json', ...(next.retryAfter ? { 'retry-after': next.retryAfter } : {}) });
        res.end(next.body ?? JSON.stringify({ error: { message: 'stub error' } }));
        return;
      case 'broken':
        sseHead();
        chunk({ choices: [{ delta: { content: next.text } }] });
        await pause(20);
        res.socket?.destroy();
        return;
      case 'garbage':
        sseHead();
        res.write('data: {not json\n\n');
        res.end();
        return;
      case 'oversized': {
        const text = 'x'.repeat(next.chars);
        if (!stream) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: text }, finish_reason: 'stop' }] }));
          return;
        }
        sseHead();
        for (let i = 0; i < text.length && !res.destroyed; i += 500) {
          chunk({ choices: [{ delta: { content: text.slice(i, i + 500) } }] });
          await pause(1);
        }
        res.end('data: [DONE]\n\n');
        return;
      }
      case 'answer': {
        if (next.delayMs) await pause(next.delayMs);
        const usage = next.usage === undefined ? { prompt_tokens: 100, completion_tokens: 20 } : next.usage;
        const finish = next.finishReason ?? 'stop';
        if (!stream) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: next.text }, finish_reason: finish }], ...(usage ? { usage } : {}) }));
          return;
        }
        sseHead();
        for (const piece of pieces(next.text)) {
          if (res.destroyed) return;
          chunk({ choices: [{ delta: { content: piece }, finish_reason: null }] });
          if (next.chunkDelayMs) await pause(next.chunkDelayMs);
        }
        chunk({ choices: [{ delta: {}, finish_reason: finish }] });
        if (usage) chunk({ choices: [], usage });
        res.end('data: [DONE]\n\n');
        return;
      }
    }
  }

  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    req.on('end', () => {
      reply(req, res, Buffer.concat(parts).toString('utf8')).catch(() => res.destroy());
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script(...next) {
      replies = next.length > 0 ? next : [{ kind: 'answer', text: 'OK' }];
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
