import type { HttpMethod } from '../../../runtime/src/http';

/** A request ready to send: variables and secrets filled, limits applied. */
export interface OutboundRequest {
  method: HttpMethod;
  url: string;
  headers: { name: string; value: string }[];
  body?: string;
  timeoutMs: number;
  maxResponseBytes: number;
  /** The secret values filled into this request, kept out of every log line. */
  redact?: readonly string[];
  /** Secret values with the hosts each may go to; every hop (redirects too) that would carry one elsewhere is refused. */
  bound?: readonly { value: string; hosts: readonly string[] }[];
}

export type OutboundErrorKind = 'refused' | 'timeout' | 'status' | 'invalidJson' | 'tooLarge' | 'network';

/**
 * What a flow learns. Failures carry only a kind (and the status for `status`), so nothing a
 * customer might see reveals the network behind the server; the detail goes to the log.
 */
export type OutboundResult =
  | { ok: true; status: number; json: unknown; durationMs: number }
  | { ok: false; kind: OutboundErrorKind; status?: number; durationMs: number };

/** A request whose answer the caller reads itself, as it arrives (a language model's stream). */
export interface OpenRequest {
  method: HttpMethod;
  url: string;
  headers: { name: string; value: string }[];
  body?: string;
  /** Ends the exchange, connecting or reading; the caller owns the deadline. */
  signal: AbortSignal;
  redact?: readonly string[];
  bound?: readonly { value: string; hosts: readonly string[] }[];
}

/**
 * The answer's head and its unread body, whatever the status: the caller must read or destroy
 * `body`. Redirects are not followed (an API answers where it is asked).
 */
export type OpenResult =
  | { ok: true; status: number; headers: Record<string, string | string[] | undefined>; body: import('node:stream').Readable }
  | { ok: false; kind: 'refused' | 'timeout' | 'network'; durationMs: number };
