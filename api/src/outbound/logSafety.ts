/** Replaces every form a secret may take in a request (raw, URL-encoded, JSON-escaped). */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])) {
      out = out.replaceAll(form, '[secret]');
    }
  }
  return out;
}

/**
 * The URL as logged: origin and path, with query values dropped (they often carry API keys)
 * and any remaining secret scrubbed.
 */
export function loggableUrl(url: URL, secrets: readonly string[]): string {
  const keys = [...new Set(url.searchParams.keys())];
  const query = keys.length > 0 ? `?${keys.map((k) => `${k}=…`).join('&')}` : '';
  return scrubSecrets(`${url.origin}${url.pathname}${query}`, secrets);
}
