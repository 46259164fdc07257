import type { VariableValue } from '../schema/common';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface HttpHeaderTemplate {
  name: string;
  /** May hold `{{variables}}` and `{{secret.NAME}}`. */
  value: string;
}

export interface ResponseMapping {
  /** `$.order.status`, `order.items[0].name` or `$['odd key']`; see jsonPath.ts. */
  path: string;
  variable: string;
}

/** What an HTTP-request step asks for, as saved in the flow: every text is a template. */
export interface HttpRequestSpec {
  method: HttpMethod;
  url: string;
  headers: HttpHeaderTemplate[];
  /** A JSON document with `{{variables}}`, either inside strings or standing for whole values. */
  body?: string;
  /** Defaults to DEFAULT_TIMEOUT_MS; capped at MAX_TIMEOUT_MS. */
  timeoutMs?: number;
  responseMapping: ResponseMapping[];
  /** Defaults to DEFAULT_MAX_RESPONSE_BYTES; capped at MAX_RESPONSE_BYTES_LIMIT. */
  maxResponseBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 5_000;
export const MAX_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;
export const MAX_RESPONSE_BYTES_LIMIT = 2 * 1024 * 1024;

/** How a secret's value must be encoded where its placeholder stands. */
export type SecretEncoding = 'url' | 'json' | 'header';

/**
 * A request with every variable filled in and every `{{secret.NAME}}` still a placeholder, so
 * it can travel through sessions, effects and events without carrying a credential. The host
 * fills the secrets right before sending (api/src/secrets/resolveRequest.ts).
 */
export interface PreparedRequest {
  method: HttpMethod;
  /** Secrets here are filled URL-encoded. */
  url: string;
  /** Secrets here are filled as they are (control characters refused). */
  headers: { name: string; value: string }[];
  /** Secrets here always stand inside a JSON string and are filled JSON-escaped. */
  body?: string;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Secret names the request refers to, once each. */
  secrets: string[];
  /** Referenced secrets that do not exist; sending would fail, so the step should take `error`. */
  missingSecrets: string[];
}

export type Variables = Readonly<Record<string, VariableValue | undefined>>;
