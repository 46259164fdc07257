import express, { type Request, type RequestHandler } from 'express';
import { HttpError } from '../http/errors';
import type { FileKind } from './kinds';
import { EXTENSION_KINDS, KNOWLEDGE_LIMITS, UPLOAD_KINDS, UPLOAD_TYPES } from './limits';

const mediaType = (req: Request) => (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
const megabytes = `${KNOWLEDGE_LIMITS.uploadBytes / 1_000_000} MB`;

function extensionKind(fileName: string): FileKind | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSION_KINDS.get(fileName.slice(dot + 1).toLowerCase() as never);
}

/**
 * An uploaded file as the raw body, up to the upload limit: refused early with 413 when its
 * declared length is too big, and with 415 when its type is not one the reader knows.
 */
export function fileBody(): RequestHandler[] {
  const check: RequestHandler = (req, _res, next) => {
    const type = mediaType(req);
    if (!UPLOAD_KINDS.has(type as never) && type !== 'application/octet-stream') {
      const message = `Send the file as ${UPLOAD_TYPES.join(', ')} or application/octet-stream`;
      return next(new HttpError(415, 'unsupported_media_type', message, [{ path: 'headers.content-type', message: `${type || 'no type'} is not accepted` }]));
    }
    const length = Number(req.headers['content-length']);
    if (Number.isFinite(length) && length > KNOWLEDGE_LIMITS.uploadBytes) return next(tooLarge());
    next();
  };
  const raw = express.raw({ type: () => true, limit: KNOWLEDGE_LIMITS.uploadBytes });
  // A chunked body without a length is measured as it arrives; say the same thing when it overflows.
  const parse: RequestHandler = (req, res, next) => raw(req, res, (err?: unknown) => next((err as { type?: string })?.type === 'entity.too.large' ? tooLarge() : err));
  return [check, parse];
}

function tooLarge(): HttpError {
  return new HttpError(413, 'file_too_large', `The file is larger than ${megabytes}`, [{ path: 'body', message: `must be at most ${megabytes}` }]);
}

/** Which reader a file needs: its type, or its name's extension when the type says only "text" or "bytes". */
export function uploadKind(req: Request, fileName: string): FileKind {
  const type = mediaType(req);
  const byName = extensionKind(fileName);
  if ((type === 'text/plain' || type === 'application/octet-stream') && byName) return byName;
  const byType = UPLOAD_KINDS.get(type as never);
  if (byType) return byType;
  throw new HttpError(415, 'unsupported_media_type', 'Say what the file is: send it with its type, or name it .md, .txt, .html or .pdf', [
    { path: 'query.fileName', message: 'must end in .md, .txt, .html or .pdf when the body is application/octet-stream' },
  ]);
}

/** The uploaded bytes; an empty file is refused. */
export function uploadedBytes(req: Request): Uint8Array {
  const body: unknown = req.body;
  if (!Buffer.isBuffer(body) || body.length === 0) throw new HttpError(400, 'empty_file', 'The file is empty', [{ path: 'body', message: 'must not be empty' }]);
  return new Uint8Array(body.buffer, body.byteOffset, body.length);
}
