import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { errorBody, HttpError } from './errors';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  expose?: boolean;
}

function fromBodyParser(err: BodyParserError): HttpError | null {
  switch (err.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'invalid_json', 'The body is not valid JSON');
    case 'entity.too.large':
      return new HttpError(413, 'payload_too_large', 'The body is too large');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new HttpError(415, 'unsupported_media_type', err.message);
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new HttpError(400, 'bad_request', 'The body could not be read');
    default:
      // Express fails to decode a route parameter such as `%` with a bare 400 URIError.
      if (err instanceof URIError) return new HttpError(400, 'invalid_request', 'The address contains a malformed percent-escape');
      if (err instanceof SyntaxError) return new HttpError(400, 'invalid_json', 'The body is not valid JSON');
      // Other client errors from Express middleware (e.g. a malformed URI) carry their own 4xx.
      if (typeof err.status === 'number' && err.status >= 400 && err.status < 500 && err.expose) {
        return new HttpError(err.status, 'bad_request', err.message);
      }
      return null;
  }
}

/** The one error handler, mounted last: every failure leaves as JSON, never with a stack. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const known = err instanceof HttpError ? err : err instanceof Error ? fromBodyParser(err) : null;
    if (known) {
      if (known.status >= 500) logger.error({ err, path: req.path }, known.message);
      res.status(known.status).json({ ...errorBody(known.code, known.message, known.details), ...known.extra });
      return;
    }
    logger.error({ err, method: req.method, path: req.path }, 'Unhandled error');
    res.status(500).json(errorBody('internal', 'Something went wrong on the server'));
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `No API route ${req.method} ${req.path}`));
};
