import type { WidgetConfig } from './types';
import { safeImageUrl, safeWebUrl } from './render/safeUrl';

/** What the embedding `<script>` tag says, before the flow's own settings are known. */
export interface EmbedOptions {
  flowId: string;
  /** The server widget.js was loaded from; the API lives there too. */
  apiBase: string;
  /** `page` is the hosted full-page chat: no launcher, always open. */
  mode: 'bubble' | 'page';
  open?: boolean;
  position?: 'left' | 'right';
  title?: string;
  color?: string;
  lang?: string;
}

/** Everything the view needs to look right: attributes win over flow settings. */
export interface Theme {
  title: string;
  color: string;
  onColor: string;
  avatarUrl: string | null;
  position: 'left' | 'right';
  greeting: string | null;
  /** Shown above the conversation until the customer's first message. */
  notice: { text: string; url: string | null; label: string } | null;
  lang: string;
}

const DEFAULT_COLOR = '#2563eb';
const COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The tag that loaded us: `currentScript` while it runs, else the one naming a flow. */
export function findScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.flow) return current;
  const tagged = doc.querySelectorAll<HTMLScriptElement>('script[data-flow]');
  for (const script of tagged) if (/\/widget\.js(?:[?#]|$)/.test(script.src)) return script;
  return tagged[0] ?? null;
}

export function readEmbedOptions(script: HTMLScriptElement, pageUrl: string): EmbedOptions | null {
  const flowId = script.dataset.flow?.trim();
  if (!flowId) return null;
  const src = new URL(script.getAttribute('src') ?? '', pageUrl);
  const d = script.dataset;
  const options: EmbedOptions = {
    flowId,
    apiBase: src.origin,
    mode: d.mode === 'page' ? 'page' : 'bubble',
  };
  if (d.open !== undefined) options.open = d.open === '' || d.open === 'true';
  if (d.position === 'left' || d.position === 'right') options.position = d.position;
  if (d.title?.trim()) options.title = d.title.trim();
  if (d.color && COLOR.test(d.color.trim())) options.color = d.color.trim();
  if (d.lang?.trim()) options.lang = d.lang.trim();
  return options;
}

/** Black or white, whichever reads better on the brand colour (WCAG relative luminance). */
export function readableOn(hex: string): string {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
  const channel = (i: number) => {
    const v = parseInt(full.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.45 ? '#111827' : '#ffffff';
}

export function resolveTheme(options: EmbedOptions, config: WidgetConfig | null, fallbackTitle: string): Theme {
  const w = config?.widget ?? {};
  const serverColor = w.primaryColor && COLOR.test(w.primaryColor) ? w.primaryColor : undefined;
  const color = options.color ?? serverColor ?? DEFAULT_COLOR;
  return {
    // Never the flow's name: that is the team's internal label ("Card block v2"), not for customers.
    title: options.title ?? (w.title?.trim() || fallbackTitle),
    color,
    onColor: readableOn(color),
    avatarUrl: safeImageUrl(w.avatarUrl),
    position: options.position ?? w.launcherPosition ?? 'right',
    greeting: w.greeting?.trim() || null,
    notice: noticeOf(config),
    lang: options.lang ?? config?.locale ?? 'en',
  };
}

function noticeOf(config: WidgetConfig | null): Theme['notice'] {
  const n = config?.privacyNotice;
  const text = n?.text.trim();
  if (!n || !text) return null;
  return { text, url: safeWebUrl(n.linkUrl), label: n.linkLabel.trim() };
}
