import { isAllowedImageUrl, isAllowedLinkUrl } from '../engine/urls';

const LEADING_TEMPLATE = /^\s*\{\{/;
const TEMPLATE = /\{\{[^}]*\}\}/g;

// The engine's own checks are used so that what the validator accepts is exactly what the
// engine shows. Placeholders stand in for `{{variables}}`; a URL that starts with one has no
// scheme until run time, and the engine checks it after rendering.
function check(url: string, allowed: (url: string) => boolean): boolean {
  if (LEADING_TEMPLATE.test(url)) return true;
  return allowed(url.replace(TEMPLATE, 'x').trim());
}

/** Link buttons: http, https, mailto and tel. */
export function isSafeLinkUrl(url: string): boolean {
  return check(url, isAllowedLinkUrl);
}

/** Images: http and https only. */
export function isSafeImageUrl(url: string): boolean {
  return check(url, isAllowedImageUrl);
}
