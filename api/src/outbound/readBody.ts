import type { Readable } from 'node:stream';
import { ResponseTooLarge } from './refusal';

/** Drops a body we will not read; the error that destroying it raises has no one to tell. */
export function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

/**
 * Reads a response body, giving up as soon as it passes `limit` bytes so a huge or endless
 * response never sits in memory. A declared Content-Length over the limit stops it unread.
 */
export async function readCapped(body: Readable, limit: number, contentLength: string | string[] | undefined): Promise<Buffer> {
  const declared = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
  if (Number.isFinite(declared) && declared > limit) {
    discard(body);
    throw new ResponseTooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) {
      discard(body);
      throw new ResponseTooLarge(limit);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
