/** One field-level complaint from the server, e.g. `{path: 'nodes.3.data.text', message: 'is required'}`. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** The server answered with a 4xx/5xx; `code` is the machine-readable reason from the error body. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Seconds until a rate-limited request may be retried (from `Retry-After`), when known. */
    readonly retryAfter: number | null = null,
    /** The rest of the error body (e.g. `problems` next to a 422), for callers that need it. */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The request never got an answer: offline, DNS, server down. Callers typically retry. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(message = 'Network request failed', options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}
