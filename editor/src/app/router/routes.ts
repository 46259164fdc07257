export type Route =
  | { name: 'login'; next: string }
  | { name: 'dashboard' }
  | { name: 'flow'; flowId: string }
  | { name: 'analytics'; flowId: string }
  | { name: 'review'; flowId: string }
  | { name: 'inbox' }
  | { name: 'settings' }
  | { name: 'knowledge' }
  | { name: 'profile' }
  | { name: 'notFound' };

/** Maps a URL to a route; pure so it is tested without a browser. */
export function matchRoute(pathname: string, search = ''): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'dashboard' };
  if (path === '/login') return { name: 'login', next: safeNext(new URLSearchParams(search).get('next')) };
  if (path === '/inbox' || path.startsWith('/inbox/')) return { name: 'inbox' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/knowledge') return { name: 'knowledge' };
  if (path === '/profile') return { name: 'profile' };
  const review = /^\/flows\/([^/]+)\/not-understood$/.exec(path);
  if (review) {
    try {
      return { name: 'review', flowId: decodeURIComponent(review[1]!) };
    } catch {
      return { name: 'notFound' };
    }
  }
  const stats = /^\/flows\/([^/]+)\/analytics$/.exec(path);
  if (stats) {
    try {
      return { name: 'analytics', flowId: decodeURIComponent(stats[1]!) };
    } catch {
      return { name: 'notFound' };
    }
  }
  const flow = /^\/flows\/([^/]+)$/.exec(path);
  if (flow) {
    // A hand-typed `%` that is not an escape is no flow id; better "not found" than a crash.
    try {
      return { name: 'flow', flowId: decodeURIComponent(flow[1]!) };
    } catch {
      return { name: 'notFound' };
    }
  }
  return { name: 'notFound' };
}

const HERE = 'http://switchboard.invalid';

/**
 * Only same-app paths are followed after login, so `?next=` cannot send users to another site.
 * The value is read the way the browser will read it: URL parsing drops tabs and newlines, so
 * `/\t/evil.example` is `//evil.example`, which history.pushState refuses with an exception.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return '/';
  }
  if (url.origin !== HERE || url.pathname.startsWith('/login')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(next) || next.startsWith('//')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

export const flowPath = (id: string) => `/flows/${encodeURIComponent(id)}`;
export const analyticsPath = (id: string) => `/flows/${encodeURIComponent(id)}/analytics`;
/** The Not understood page, optionally showing one step's messages only. */
export const reviewPath = (id: string, nodeId?: string) =>
  `/flows/${encodeURIComponent(id)}/not-understood${nodeId === undefined ? '' : `?step=${encodeURIComponent(nodeId)}`}`;
export const loginPath = (next: string) => (next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
