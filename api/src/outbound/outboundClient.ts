import { performance } from 'node:perf_hooks';
import { Agent, buildConnector, request } from 'undici';
import type { Logger } from 'pino';
import { createAllowlist, type Allowlist } from './allowlist';
import { guardedConnector, type Connector } from './guardedConnector';
import { loggableUrl, scrubSecrets } from './logSafety';
import { hostAllowed } from '../secrets/secretHosts';
import { discard, readCapped } from './readBody';
import { MAX_REDIRECTS, REDIRECT_STATUSES, redirectHop, type Hop } from './redirects';
import { OutboundRefusal, ResponseTooLarge } from './refusal';
import { systemResolver, type Resolver } from './resolver';
import type { OpenRequest, OpenResult, OutboundErrorKind, OutboundRequest, OutboundResult } from './types';

export interface OutboundClientOptions {
  /** Defaults to the system resolver. */
  resolver?: Resolver;
  /** `SWITCHBOARD_HTTP_ALLOWLIST` entries, or a built allowlist. */
  allowlist: Allowlist | readonly string[];
  logger: Logger;
  /** Opens the socket to an already checked address; tests make it refuse anything but loopback. */
  connect?: Connector;
}

export interface OutboundClient {
  send(request: OutboundRequest): Promise<OutboundResult>;
  /** Sends through the same guard and hands back the unread answer (see OpenResult). Never throws. */
  open(request: OpenRequest): Promise<OpenResult>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

// Set by undici itself, or meaningless once the request is re-sent elsewhere.
const MANAGED_HEADERS = new Set([
  'host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect', 'te', 'trailer',
  'proxy-authorization', 'proxy-connection',
]);

/** Where the exchange got to, for the log line. */
interface Hops {
  count: number;
  url: URL | null;
}

class Failure extends Error {
  constructor(
    readonly kind: OutboundErrorKind,
    reason: string,
    readonly status?: number,
  ) {
    super(reason);
  }
}

/**
 * undici honours the signal once a request is on a connection, but not while the connection
 * is still being made (here: while the name resolves), so the deadline is enforced around it.
 */
function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function checkUrl(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRefusal(`${url.protocol} URLs are not allowed; use http or https`);
  if (url.username || url.password) throw new OutboundRefusal('credentials in the URL are not sent; use an Authorization header');
}

/** Whether a hop would carry a secret's value (in any form it is sent in). */
function carries(hop: Hop, value: string): boolean {
  // eslint-disable-next-line no-control-regex
  const forms = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1), value.replace(/[\u0000-\u001f\u007f]/g, '')];
  const texts = [hop.url.href, ...hop.headers.map((h) => h.value), hop.body ?? ''];
  return forms.some((form) => form !== '' && texts.some((text) => text.includes(form)));
}

/** Refuses a hop (the first, or a redirect) that would take a secret to a host it is not bound to. */
function checkSecretHosts(hop: Hop, bound: OutboundRequest['bound']): void {
  for (const secret of bound ?? []) {
    if (carries(hop, secret.value) && !hostAllowed(secret.hosts, hop.url.hostname)) {
      throw new OutboundRefusal(`a secret would be sent to ${hop.url.hostname}, which is not among its allowed hosts`);
    }
  }
}

function parseJson(bytes: Buffer): unknown {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  // 204 and other empty answers are a success with nothing to map, not broken JSON.
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    // Not the parser's message: it quotes the body, which may echo a secret or a customer's data.
    throw new Failure('invalidJson', `the response is not JSON (${bytes.length} bytes)`);
  }
}

/**
 * Sends flow HTTP requests to the business's systems without letting a flow (or a customer's
 * answer inside it) reach the server's own network: see guardedConnector.ts for the
 * connect-time address check, and redirects.ts for how each hop is re-checked.
 */
export function createOutboundClient(options: OutboundClientOptions): OutboundClient {
  const allowlist = Array.isArray(options.allowlist) ? createAllowlist(options.allowlist) : (options.allowlist as Allowlist);
  const dispatcher = new Agent({
    connect: guardedConnector({
      resolver: options.resolver ?? systemResolver,
      allowlist,
      connect: options.connect ?? buildConnector({}),
    }),
    keepAliveTimeout: 4_000,
  });
  const { logger } = options;

  async function exchange(first: Hop, req: OutboundRequest, signal: AbortSignal, hops: Hops): Promise<{ status: number; json: unknown }> {
    let hop = first;
    for (;;) {
      hops.url = hop.url;
      checkUrl(hop.url);
      checkSecretHosts(hop, req.bound);
      const res = await request(hop.url, {
        method: hop.method,
        headers: hop.headers.filter((h) => !MANAGED_HEADERS.has(h.name.toLowerCase())).flatMap((h) => [h.name, h.value]),
        body: hop.body ?? null,
        dispatcher,
        signal,
      });
      const location = res.headers.location;
      if (REDIRECT_STATUSES.has(res.statusCode) && typeof location === 'string') {
        discard(res.body);
        if (hops.count >= MAX_REDIRECTS) throw new OutboundRefusal(`more than ${MAX_REDIRECTS} redirects`);
        hops.count++;
        hop = redirectHop(hop, res.statusCode, location);
        continue;
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        discard(res.body);
        throw new Failure('status', `the server answered ${res.statusCode}`, res.statusCode);
      }
      const bytes = await readCapped(res.body, req.maxResponseBytes, res.headers['content-length']);
      return { status: res.statusCode, json: parseJson(bytes) };
    }
  }

  function classify(err: unknown, signal: AbortSignal): Failure {
    if (err instanceof Failure) return err;
    if (err instanceof OutboundRefusal) return new Failure('refused', err.message);
    if (err instanceof ResponseTooLarge) return new Failure('tooLarge', err.message);
    if (signal.aborted) return new Failure('timeout', 'no complete answer in time');
    const e = err as Error & { code?: string; cause?: unknown };
    if (e?.cause instanceof OutboundRefusal) return new Failure('refused', e.cause.message);
    return new Failure('network', [e?.code, e?.message].filter(Boolean).join(' ') || String(err));
  }

  return {
    async send(req) {
      const started = performance.now();
      const redact = req.redact ?? [];
      const signal = AbortSignal.timeout(req.timeoutMs);
      const hops: Hops = { count: 0, url: null };
      try {
        let url: URL;
        try {
          url = new URL(req.url);
        } catch {
          throw new OutboundRefusal('the URL is not valid');
        }
        const first: Hop = { url, method: req.method, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}) };
        const pending = exchange(first, req, signal, hops);
        pending.catch(() => undefined);
        const { status, json } = await Promise.race([pending, rejectOnAbort(signal)]);
        const durationMs = Math.round(performance.now() - started);
        logger.debug({ outbound: { method: req.method, url: loggableUrl(hops.url ?? url, redact), status, durationMs } }, 'HTTP request step done');
        return { ok: true, status, json, durationMs };
      } catch (err) {
        const failure = classify(err, signal);
        const durationMs = Math.round(performance.now() - started);
        logger.warn(
          {
            outbound: {
              kind: failure.kind,
              method: req.method,
              url: hops.url ? loggableUrl(hops.url, redact) : '(invalid URL)',
              redirects: hops.count,
              status: failure.status,
              reason: scrubSecrets(failure.message, redact),
              durationMs,
            },
          },
          'HTTP request step failed',
        );
        return { ok: false, kind: failure.kind, ...(failure.status !== undefined ? { status: failure.status } : {}), durationMs };
      }
    },
    async open(req) {
      const started = performance.now();
      const redact = req.redact ?? [];
      let url: URL | null = null;
      try {
        try {
          url = new URL(req.url);
        } catch {
          throw new OutboundRefusal('the URL is not valid');
        }
        const hop: Hop = { url, method: req.method, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}) };
        checkUrl(url);
        checkSecretHosts(hop, req.bound);
        const pending = request(url, {
          method: req.method,
          headers: req.headers.filter((h) => !MANAGED_HEADERS.has(h.name.toLowerCase())).flatMap((h) => [h.name, h.value]),
          body: req.body ?? null,
          dispatcher,
          signal: req.signal,
        });
        pending.catch(() => undefined);
        const res = await Promise.race([pending, rejectOnAbort(req.signal)]);
        // A body nobody reads any more must not take the process down when its socket fails.
        res.body.on('error', () => undefined);
        return { ok: true, status: res.statusCode, headers: res.headers, body: res.body };
      } catch (err) {
        const failure = classify(err, req.signal);
        const kind = failure.kind === 'refused' || failure.kind === 'timeout' ? failure.kind : 'network';
        const durationMs = Math.round(performance.now() - started);
        logger.warn(
          { outbound: { kind, method: req.method, url: url ? loggableUrl(url, redact) : '(invalid URL)', reason: scrubSecrets(failure.message, redact), durationMs } },
          'outbound request failed',
        );
        return { ok: false, kind, durationMs };
      }
    },
    close: () => dispatcher.close(),
  };
}
