import express, { type RequestHandler } from 'express';
import { HttpError } from './errors';

const JSON_TYPES = ['application/json', 'application/*+json'];

function hasBody(req: Parameters<RequestHandler>[0]): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * JSON parsing for one router. A body in any other type is refused with 415 rather than
 * silently ignored, so a client that forgot its Content-Type learns why nothing happened.
 */
export function jsonBody(limit = '2mb'): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    if (hasBody(req) && !req.is(JSON_TYPES)) {
      next(new HttpError(415, 'unsupported_media_type', 'Send the body as application/json'));
      return;
    }
    next();
  };
  return [requireJson, express.json({ limit, type: JSON_TYPES })];
}
