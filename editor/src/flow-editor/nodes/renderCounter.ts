/**
 * Counts node-card renders for the editor benchmark. Only active with `?perf=1` in the URL, so
 * normal sessions pay one boolean check per render.
 */
const enabled =
  typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('perf') === '1';

declare global {
  interface Window {
    __sbNodeRenders?: number;
  }
}

if (enabled) window.__sbNodeRenders = 0;

export function countRender(): void {
  if (enabled) window.__sbNodeRenders = (window.__sbNodeRenders ?? 0) + 1;
}
