import type { Request, Response } from 'express';
import { HttpError } from '../http/errors';
import { widgetRoutes } from '../contract/widget';
import { ContractRouter } from '../http/contractRouter';
import type { FlowStore } from '../storage/flowStore';
import { defaultWidgetTitle, hostedChatCsp, hostedChatHtml, unavailableHtml } from '../widget/hostedChatPage';
import { settingsCors } from '../widget/settingsCors';
import { widgetAssetLoader } from '../widget/widgetAsset';

export interface WidgetRouterDeps {
  flows: Pick<FlowStore, 'getLive'>;
  /** PUBLIC_URL, counted as the server's own origin. */
  publicUrl: string | null;
  /** The built editor/dist/widget.js. */
  widgetFile: string;
}

// The embed snippet's URL can never change, so a plain /widget.js is cached for a day and then
// revalidated by ETag: a fix reaches every site within a day. A ?v=<hash> URL is immutable.
const PLAIN_CACHE = 'public, max-age=86400, stale-while-revalidate=604800';
const VERSIONED_CACHE = 'public, max-age=31536000, immutable';

async function sendWidget(req: Request, res: Response, load: ReturnType<typeof widgetAssetLoader>): Promise<void> {
  const asset = await load();
  if (!asset) throw new HttpError(404, 'widget_not_built', 'widget.js has not been built; run npm run build');
  const etag = `"${asset.hash}"`;
  res.set({
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': req.query.v === asset.hash ? VERSIONED_CACHE : PLAIN_CACHE,
    ETag: etag,
    // Any site may load the script; whether it may chat is decided per flow by the chat API.
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    Vary: 'Accept-Encoding',
  });
  if (req.headers['if-none-match'] === etag) {
    res.status(304).end();
    return;
  }
  const gzip = req.acceptsEncodings('gzip', 'identity') === 'gzip';
  if (gzip) res.set('Content-Encoding', 'gzip');
  res.send(gzip ? asset.gzipped : asset.body);
}

/**
 * widget.js, the hosted full-page chat at /chat/:flowId, and the public widget settings the
 * embedded script themes itself with.
 */
export function createWidgetRouters(deps: WidgetRouterDeps): ContractRouter[] {
  const load = widgetAssetLoader(deps.widgetFile);
  const liveFlow = async (flowId: string) => (await deps.flows.getLive(flowId))?.flow ?? null;

  const pages = new ContractRouter('/');
  pages.on(widgetRoutes.script).raw(({ req, res }) => sendWidget(req, res, load));
  pages.on(widgetRoutes.page).raw(async ({ params: { flowId }, res }) => {
    const flow = await liveFlow(flowId);
    res.set('Cache-Control', 'no-cache');
    if (!flow) {
      res.status(404).type('html').send(unavailableHtml());
      return;
    }
    const asset = await load();
    res.removeHeader('X-Frame-Options');
    res.set('Content-Security-Policy', hostedChatCsp(flow.settings.allowedOrigins));
    res.type('html').send(
      hostedChatHtml({
        flowId: flow.id,
        title: flow.settings.widget.title?.trim() || defaultWidgetTitle(flow.locale),
        locale: flow.locale,
        widgetSrc: asset ? `/widget.js?v=${asset.hash}` : '/widget.js',
      }),
    );
  });

  const settings = new ContractRouter('/api/widget');
  const cors = settingsCors(deps.publicUrl, async (req) => (await liveFlow(String(req.params.flowId)))?.settings.allowedOrigins ?? null);
  settings.on(widgetRoutes.settings, { before: [cors] }).reply(async ({ params: { flowId }, res }) => {
    const flow = await liveFlow(flowId);
    if (!flow) throw new HttpError(404, 'flow_not_found', 'This chat is not available');
    // Short: a colour changed in the editor shows on sites within a minute of publishing.
    res.set('Cache-Control', 'public, max-age=60');
    const notice = flow.settings.privacy.notice;
    return {
      status: 200,
      body: {
        flowId: flow.id,
        name: flow.name,
        locale: flow.locale,
        widget: flow.settings.widget,
        // Shown before the customer's first message; null when the flow has none.
        privacyNotice: notice.text.trim() === '' ? null : notice,
      },
    };
  });

  return [settings, pages];
}
