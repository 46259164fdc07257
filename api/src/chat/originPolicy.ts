/**
 * Which web origins may talk to a flow's chat. An entry is an exact origin
 * (`https://shop.example.com`), a subdomain wildcard (`https://*.example.com`) or `*` for any
 * site. The server's own pages (the hosted chat, the editor preview) are always allowed, and
 * requests without an Origin header (servers, curl) are not browser cross-site requests at all.
 */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  const normalized = normalizeOrigin(origin);
  if (normalized === null) return false;
  for (const entry of allowed) {
    const e = entry.trim().toLowerCase().replace(/\/+$/, '');
    if (e === '*') return true;
    if (e === normalized) return true;
    const wildcard = /^(https?):\/\/\*\.(.+)$/.exec(e);
    if (wildcard) {
      const url = new URL(normalized);
      if (url.protocol === `${wildcard[1]}:` && url.host.endsWith(`.${wildcard[2]}`)) return true;
    }
  }
  return false;
}

/** Same host as the request (any scheme: a TLS-terminating proxy changes it) or PUBLIC_URL. */
export function isOwnOrigin(origin: string, host: string | undefined, publicUrl: string | null): boolean {
  const normalized = normalizeOrigin(origin);
  if (normalized === null) return false;
  if (publicUrl !== null && normalizeOrigin(publicUrl) === normalized) return true;
  return host !== undefined && new URL(normalized).host === host.toLowerCase();
}

function normalizeOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin.toLowerCase();
  } catch {
    return null;
  }
}
