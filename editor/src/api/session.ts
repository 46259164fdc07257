/**
 * Per-tab auth state the client needs on every request. The CSRF token lives in memory only
 * (never localStorage) and is re-read from `/api/auth/me` after a reload.
 */
let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called whenever a request fails with 401 because the session is gone; the app redirects to login. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function notifyUnauthorized(): void {
  for (const listener of [...unauthorizedListeners]) listener();
}
