import type { HttpMethod } from '../../../runtime/src/http';

export const MAX_REDIRECTS = 5;
export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface Hop {
  url: URL;
  method: HttpMethod;
  headers: { name: string; value: string }[];
  body?: string;
}

// What a request may keep when redirected to another origin: credentials (Authorization,
// X-Api-Key and the like) were meant for the first one only.
const CROSS_ORIGIN_SAFE = new Set(['accept', 'accept-language', 'content-type', 'user-agent']);
const BODY_HEADERS = new Set(['content-type', 'content-encoding', 'content-language']);

/** The request a redirect leads to, following the fetch standard's method rules. */
export function redirectHop(from: Hop, status: number, location: string): Hop {
  const url = new URL(location, from.url);
  // 303 always, and 301/302 after a POST (what every browser does), continue as a body-less GET.
  const toGet = (status === 303 && from.method !== 'GET') || ((status === 301 || status === 302) && from.method === 'POST');
  let headers = from.headers;
  if (url.origin !== from.url.origin) headers = headers.filter((h) => CROSS_ORIGIN_SAFE.has(h.name.toLowerCase()));
  if (toGet) headers = headers.filter((h) => !BODY_HEADERS.has(h.name.toLowerCase()));
  return toGet ? { url, method: 'GET', headers } : { url, method: from.method, headers, ...(from.body !== undefined ? { body: from.body } : {}) };
}
