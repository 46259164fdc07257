const WEB_RE = /^https?:\/\/[^\s/]/i;
const MAILTO_TEL_RE = /^(?:mailto|tel):\S/i;

/** Images are fetched by the widget, so only web addresses. */
export function isAllowedImageUrl(url: string): boolean {
  return WEB_RE.test(url);
}

/** Link buttons may also open mail or dial; anything else (javascript:, data:, file:) is dropped. */
export function isAllowedLinkUrl(url: string): boolean {
  return WEB_RE.test(url) || MAILTO_TEL_RE.test(url);
}
