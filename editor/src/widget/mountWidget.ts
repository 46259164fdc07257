import { ChatApiError, createChatApi, type ChatApi } from './chatApi';
import { ChatController } from './controller';
import { resolveTheme, type EmbedOptions } from './embedOptions';
import { labelsFor } from './render/labels';
import { browserStorage, SessionMemory } from './savedSession';
import type { WidgetConfig } from './types';
import { WidgetView } from './view/widgetView';

export interface MountOptions {
  api?: ChatApi;
  storage?: Storage | null;
  WebSocketImpl?: typeof WebSocket;
  /** Bot messages appear behind a short typing pause; off in tests. */
  paced?: boolean;
  pollIntervalMs?: number;
}

export interface MountedWidget {
  view: WidgetView;
  controller: ChatController;
  destroy(): void;
}

/**
 * Puts the widget on a page once the flow's settings arrived (so it never flashes the wrong
 * colours or language), and starts the conversation when the visitor opens it.
 */
export async function mountWidget(doc: Document, embed: EmbedOptions, options: MountOptions = {}): Promise<MountedWidget> {
  const win = doc.defaultView!;
  const api = options.api ?? createChatApi(embed.apiBase, embed.flowId);
  const memory = new SessionMemory(options.storage !== undefined ? options.storage : browserStorage(win), embed.flowId);
  const reducedMotion = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

  let config: WidgetConfig | null = null;
  let failure: ChatApiError | null = null;
  try {
    config = await api.config();
  } catch (err) {
    failure = err instanceof ChatApiError ? err : new ChatApiError(0, 'network', String(err));
  }
  // A site's explicit data-lang wins, then the flow's language, then the page's.
  const labels = labelsFor(embed.lang ?? config?.locale ?? doc.documentElement.lang);
  const theme = resolveTheme(embed, config, labels.defaultTitle);
  const refused = failure !== null && (failure.status === 403 || failure.status === 404);

  const view = new WidgetView(doc, {
    mode: embed.mode,
    labels,
    theme,
    paced: (options.paced ?? true) && !reducedMotion,
    actions: {
      open: () => {
        if (!refused) void controller.open();
      },
      send: (reply, shownAs) => void controller.send(reply, shownAs).catch(() => undefined),
      typing: () => controller.typing(),
      restart: () => void controller.restart(),
      openChanged: (open) => controller.rememberOpen(open),
    },
  });
  // The view's actions run only after both exist, so they may close over this.
  const controller = new ChatController({
    api,
    memory,
    listener: view,
    ...(options.WebSocketImpl ? { WebSocketImpl: options.WebSocketImpl } : {}),
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
  });
  doc.body.append(view.host);

  const onOnline = () => controller.networkBack();
  const onOffline = () => view.connection('offline');
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);

  const saved = memory.load();
  if (failure) {
    view.error(failure.status === 403 ? 'refused' : failure.status === 404 ? 'unavailable' : 'generic');
    if (failure.status === 403) {
      win.console?.warn(`Switchboard: this chat may not be embedded on ${win.location.origin}; add it to the flow's allowed origins.`);
    }
  } else if (!saved) {
    view.showGreeting(theme.greeting);
  }
  if (embed.mode === 'page' || embed.open || (saved?.open && !refused)) view.setOpen(true, false);

  return {
    view,
    controller,
    destroy() {
      controller.destroy();
      win.removeEventListener('online', onOnline);
      win.removeEventListener('offline', onOffline);
      view.host.remove();
    },
  };
}
