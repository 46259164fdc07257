import { badRequest } from '../http/errors';

/** Where a conversation list page ended: the last conversation looked at (newest first). */
export interface ListPosition {
  createdAt: number;
  id: string;
}

export function encodeListCursor(p: ListPosition): string {
  return Buffer.from(JSON.stringify([p.createdAt, p.id])).toString('base64url');
}

export function decodeListCursor(cursor: string): ListPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && typeof value[1] === 'string') {
      return { createdAt: value[0] as number, id: value[1] };
    }
  } catch {
    /* reported below */
  }
  throw badRequest('invalid_cursor', 'This cursor is not one the server gave out', [{ path: 'query.cursor', message: 'not a cursor this list gave out' }]);
}
