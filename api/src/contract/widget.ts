import { z } from 'zod';
import { defineRoute } from './route';
import { described } from './common';
import { widgetSettingsSchema } from '../../../runtime/src/schema/settings';
import { privacyNoticeSchema } from '../../../runtime/src/schema/privacySettings';

const flowIdParams = z.object({ flowId: described(z.string(), 'Flow id') });

// The script and the hosted page are listed too, so the document names every route the server answers.
export const widgetRoutes = {
  settings: defineRoute({
    method: 'get',
    path: '/api/widget/:flowId',
    tag: 'Chat',
    summary: 'The chat widget’s appearance for a published flow',
    description:
      "What the embedded widget themes itself with (flow `settings.widget`). Cross-site callers must be in the flow's `settings.allowedOrigins`; other sites get 403 `origin_not_allowed`.",
    access: 'public',
    params: flowIdParams,
    responses: {
      200: z.object({
        flowId: z.string(),
        name: z.string(),
        locale: z.string(),
        widget: widgetSettingsSchema,
        privacyNotice: described(
          privacyNoticeSchema.nullable(),
          'Flow `settings.privacy.notice`, shown before the first message; null when its text is empty.',
        ),
      }),
    },
    errors: [403, 404],
  }),
  script: defineRoute({
    method: 'get',
    path: '/widget.js',
    tag: 'Chat',
    summary: 'The embeddable chat widget script',
    description:
      'Embed with `<script src=".../widget.js" data-flow="FLOW_ID" async></script>`. CORS `*`, `Cross-Origin-Resource-Policy: cross-origin`; with `?v=<hash>` it is cached for a year, without for a day (ETag revalidation).',
    access: 'public',
    // Anything else in `v` is simply not the immutable URL, never an error.
    query: z.object({ v: described(z.string().optional().catch(undefined), 'Content hash') }),
    responses: {
      200: { description: 'JavaScript', schema: z.string(), contentType: 'text/javascript' },
      304: { description: 'Not modified' },
    },
    errors: [404],
  }),
  page: defineRoute({
    method: 'get',
    path: '/chat/:flowId',
    tag: 'Chat',
    summary: 'The hosted full-page chat (share link)',
    access: 'public',
    params: flowIdParams,
    responses: {
      200: { description: 'HTML page', schema: z.string(), contentType: 'text/html' },
      404: { description: 'The flow is not published', schema: z.string(), contentType: 'text/html' },
    },
  }),
};
