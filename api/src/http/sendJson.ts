import type { Response } from 'express';

/**
 * A JSON answer written directly: for the chat's POST routes, which nobody caches, Express's
 * `res.json` would hash every body for an ETag and walk its content negotiation for nothing.
 */
export function sendJson(res: Response, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.end(json);
}
