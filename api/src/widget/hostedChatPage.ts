const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export interface HostedChatPage {
  flowId: string;
  title: string;
  locale: string;
  /** `/widget.js?v=<hash>`: versioned, so the page always gets the widget it was built with. */
  widgetSrc: string;
}

/** The share link's page: nothing but the widget in full-page mode. */
export function hostedChatHtml(page: HostedChatPage): string {
  return `<!doctype html>
<html lang="${escapeHtml(page.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title)}</title>
<style>html,body{margin:0;height:100%;background:#f3f4f6}</style>
</head>
<body>
<noscript>This chat needs JavaScript.</noscript>
<script src="${escapeHtml(page.widgetSrc)}" data-flow="${escapeHtml(page.flowId)}" data-mode="page"></script>
</body>
</html>
`;
}

/** A page for a flow that is not (or no longer) published. */
export function unavailableHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Chat not available</title>
<style>body{font:16px system-ui,sans-serif;display:grid;place-items:center;height:100vh;margin:0;color:#374151;background:#f3f4f6}</style></head>
<body><p>This chat is not available.</p></body></html>
`;
}

// Allowed origins become CSP sources, so anything that is not plainly an origin is dropped.
const SOURCE = /^(?:\*|https?:\/\/(?:\*\.)?[a-z0-9.-]+(?::\d{1,5})?)$/i;

/**
 * The hosted page runs only our own script; images may come from anywhere on the web (bot
 * images, the avatar), and the sites allowed to embed the chat may also frame the page.
 */
export function hostedChatCsp(allowedOrigins: readonly string[]): string {
  const frames = allowedOrigins.map((o) => o.trim().replace(/\/+$/, '')).filter((o) => SOURCE.test(o));
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    'img-src * data:',
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    `frame-ancestors 'self'${frames.length ? ` ${frames.join(' ')}` : ''}`,
  ].join('; ');
}

/** The page title when the flow sets none; the widget uses the same words (render/labels.ts). */
export function defaultWidgetTitle(locale: string): string {
  return locale.toLowerCase().startsWith('pl') ? 'Czat z nami' : 'Chat with us';
}
