import { errors, ok, operation, pathParam, type Paths } from '../helpers';

// Owned by the widget area. The script and the hosted page are listed too, so the document
// names every route the server answers.
export const widgetPaths: Paths = {
  '/api/widget/{flowId}': {
    get: operation({
      tag: 'Chat',
      summary: 'The chat widget’s appearance for a published flow',
      description:
        "What the embedded widget themes itself with (flow `settings.widget`). Cross-site callers must be in the flow's `settings.allowedOrigins`; other sites get 403 `origin_not_allowed`.",
      access: 'public',
      parameters: [pathParam('flowId', 'Flow id')],
      responses: {
        ...ok({
          type: 'object',
          properties: {
            flowId: { type: 'string' },
            name: { type: 'string' },
            locale: { type: 'string' },
            widget: {
              type: 'object',
              properties: {
                title: { type: 'string' },
                primaryColor: { type: 'string' },
                avatarUrl: { type: 'string' },
                launcherPosition: { enum: ['left', 'right'] },
                greeting: { type: 'string' },
              },
            },
            privacyNotice: {
              description: 'Flow `settings.privacy.notice`, shown before the first message; null when its text is empty.',
              oneOf: [
                {
                  type: 'object',
                  properties: { text: { type: 'string' }, linkUrl: { type: 'string' }, linkLabel: { type: 'string' } },
                  required: ['text', 'linkUrl', 'linkLabel'],
                },
                { type: 'null' },
              ],
            },
          },
          required: ['flowId', 'name', 'locale', 'widget', 'privacyNotice'],
        }),
        ...errors(403, 404),
      },
    }),
  },
  '/widget.js': {
    get: {
      tags: ['Chat'],
      summary: 'The embeddable chat widget script',
      description:
        'Embed with `<script src=".../widget.js" data-flow="FLOW_ID" async></script>`. CORS `*`, `Cross-Origin-Resource-Policy: cross-origin`; with `?v=<hash>` it is cached for a year, without for a day (ETag revalidation).',
      security: [],
      parameters: [{ name: 'v', in: 'query', required: false, schema: { type: 'string' }, description: 'Content hash' }],
      responses: { '200': { description: 'JavaScript', content: { 'text/javascript': { schema: { type: 'string' } } } }, '304': { description: 'Not modified' }, ...errors(404) },
    },
  },
  '/chat/{flowId}': {
    get: {
      tags: ['Chat'],
      summary: 'The hosted full-page chat (share link)',
      security: [],
      parameters: [pathParam('flowId', 'Flow id')],
      responses: {
        '200': { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } },
        '404': { description: 'The flow is not published', content: { 'text/html': { schema: { type: 'string' } } } },
      },
    },
  },
};
