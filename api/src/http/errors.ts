/** One problem with a request, pointing at the field it concerns (empty path for the whole). */
export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * The only way a route reports failure: the error handler turns it into
 * `{error: {code, message, details}}` with `status`, plus any `extra` top-level fields.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (code: string, message: string, details: ErrorDetail[] = []) =>
  new HttpError(400, code, message, details);
export const unauthenticated = (message = 'Sign in to continue') => new HttpError(401, 'unauthenticated', message);
export const forbidden = (message = 'Your role does not allow this') => new HttpError(403, 'forbidden', message);
export const notFound = (what = 'Resource') => new HttpError(404, 'not_found', `${what} not found`);
export const conflict = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new HttpError(409, code, message, [], extra);

export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

export function errorBody(code: string, message: string, details: ErrorDetail[] = []): ErrorBody {
  return { error: { code, message, details } };
}
