import { ApiError, NetworkError, type ErrorDetail } from './errors';
import { getCsrfToken, notifyUnauthorized } from './session';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  /** A file sent as the body, as is (an upload), instead of JSON. */
  file?: Blob;
  /** The file's Content-Type; defaults to the Blob's own. */
  fileType?: string;
  headers?: Record<string, string>;
  /** Statuses the caller handles itself: the response is returned instead of thrown. */
  accept?: number[];
  /** False for calls where 401 is an expected answer (login, the initial `me`). */
  notifyOnUnauthorized?: boolean;
  signal?: AbortSignal;
}

export interface HttpResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

const STATE_CHANGING = new Set<HttpMethod>(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Same-origin JSON request to the Switchboard API, with CSRF and the error shape applied. */
export async function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file !== undefined) headers['Content-Type'] = options.fileType ?? (options.file.type || 'application/octet-stream');
  const csrf = getCsrfToken();
  if (STATE_CHANGING.has(method) && csrf) headers['X-CSRF-Token'] = csrf;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new NetworkError(cause instanceof Error ? cause.message : 'Network request failed', { cause });
  }

  const data = await readBody(response);
  if (response.ok || options.accept?.includes(response.status)) {
    return { status: response.status, data: data as T, headers: response.headers };
  }
  const error = toApiError(response, data);
  if (error.status === 401 && options.notifyOnUnauthorized !== false) notifyUnauthorized();
  throw error;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toApiError(response: Response, data: unknown): ApiError {
  const retryAfterHeader = response.headers.get('Retry-After');
  const retryAfter = retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : null;
  if (typeof data === 'object' && data !== null && 'error' in data) {
    const { error, ...rest } = data as { error: unknown } & Record<string, unknown>;
    if (typeof error === 'object' && error !== null) {
      const e = error as { code?: unknown; message?: unknown; details?: unknown };
      return new ApiError(
        response.status,
        typeof e.code === 'string' ? e.code : `http_${response.status}`,
        typeof e.message === 'string' ? e.message : response.statusText,
        Array.isArray(e.details) ? (e.details as ErrorDetail[]) : [],
        retryAfter,
        rest,
      );
    }
  }
  return new ApiError(response.status, `http_${response.status}`, response.statusText || `HTTP ${response.status}`, [], retryAfter);
}
