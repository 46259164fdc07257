import { scrubText } from './secretForms';

/** Replaces every form a secret may take (raw, URL-encoded, JSON-escaped, base64). */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  return scrubText(text, secrets);
}

/**
 * The URL as logged: the origin and the query's key names only. Path segments and query values
 * are filled from customers' answers (`/orders/{{orderNo}}`) and often carry API keys; the log
 * line's flow and step ids say which request it was.
 */
export function loggableUrl(url: URL, secrets: readonly string[]): string {
  const keys = [...new Set(url.searchParams.keys())];
  const query = keys.length > 0 ? `?${keys.map((k) => `${k}=…`).join('&')}` : '';
  const path = url.pathname === '/' ? '/' : '/…';
  return scrubSecrets(`${url.origin}${path}${query}`, secrets);
}
