/** One key for the whole site, so a visitor is the same across the site's flows and pages. */
export const VISITOR_KEY = 'switchboard:visitor';

const VALID = /^[A-Za-z0-9_-]{16,64}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 22 random characters of A–Z, a–z, 0–9, - and _ (132 bits): says nothing about the visitor. */
function randomVisitorId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(22));
  return Array.from(bytes, (b) => ALPHABET[b & 63]).join('');
}

/**
 * The anonymous id analytics counts unique visitors by, kept in the visitor's localStorage. Null
 * when storage is missing, blocked or full: an id that is not kept would count one visitor many
 * times, so none is sent instead.
 */
export function visitorIdIn(storage: Storage | null): string | null {
  if (!storage) return null;
  try {
    const kept = storage.getItem(VISITOR_KEY);
    if (kept !== null && VALID.test(kept)) return kept;
    const fresh = randomVisitorId();
    storage.setItem(VISITOR_KEY, fresh);
    return storage.getItem(VISITOR_KEY) === fresh ? fresh : null;
  } catch {
    return null;
  }
}
