import { useSyncExternalStore } from 'react';

/**
 * A deliberately tiny router: the editor has four routes, and owning navigation keeps the
 * "leave with unsaved changes" guard (save/) in one place instead of fighting a library.
 */
const NAVIGATE_EVENT = 'switchboard:navigate';

export interface AppLocation {
  pathname: string;
  search: string;
}

type NavigationGuard = (to: string) => boolean;
const guards = new Set<NavigationGuard>();

/** A guard returns false to cancel an in-app navigation (e.g. after a "discard changes?" confirm). */
export function addNavigationGuard(guard: NavigationGuard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

export function navigate(to: string, options: { replace?: boolean; force?: boolean } = {}): boolean {
  if (!options.force) {
    for (const guard of guards) if (!guard(to)) return false;
  }
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  return true;
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('popstate', callback);
  window.addEventListener(NAVIGATE_EVENT, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(NAVIGATE_EVENT, callback);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export function useLocation(): AppLocation {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  const queryAt = href.indexOf('?');
  return queryAt === -1 ? { pathname: href, search: '' } : { pathname: href.slice(0, queryAt), search: href.slice(queryAt) };
}
