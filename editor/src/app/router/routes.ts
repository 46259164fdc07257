export type Route =
  | { name: 'login'; next: string }
  | { name: 'dashboard' }
  | { name: 'flow'; flowId: string }
  | { name: 'inbox' }
  | { name: 'settings' }
  | { name: 'profile' }
  | { name: 'notFound' };

/** Maps a URL to a route; pure so it is tested without a browser. */
export function matchRoute(pathname: string, search = ''): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'dashboard' };
  if (path === '/login') return { name: 'login', next: safeNext(new URLSearchParams(search).get('next')) };
  if (path === '/inbox' || path.startsWith('/inbox/')) return { name: 'inbox' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/profile') return { name: 'profile' };
  const flow = /^\/flows\/([^/]+)$/.exec(path);
  if (flow) return { name: 'flow', flowId: decodeURIComponent(flow[1]!) };
  return { name: 'notFound' };
}

/** Only same-app paths are followed after login, so `?next=` cannot send users to another site. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) return '/';
  return next;
}

export const flowPath = (id: string) => `/flows/${encodeURIComponent(id)}`;
export const loginPath = (next: string) => (next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
