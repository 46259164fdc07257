import { errors, ok, operation, pathParam, type Paths } from '../helpers';

const flowId = pathParam('id', 'Flow id');
const query = (name: string, description: string) => ({ name, in: 'query', required: false, description, schema: { type: 'integer' } });

const shownRequest = {
  type: 'object',
  description: 'The request as sent, with `{{secret.NAME}}` placeholders in place of secret values',
  properties: {
    method: { type: 'string' },
    url: { type: 'string' },
    headers: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, value: { type: 'string' } } } },
    body: { type: 'string' },
  },
};

/** The editor's HTTP-step preview (core app). */
export const previewHttpPaths: Paths = {
  '/api/flows/{id}/preview/http': {
    post: operation({
      tag: 'Flows',
      summary: 'Try an HTTP request step of the saved draft',
      description:
        'Runs the step through the same secret filling and SSRF-guarded client as a chat turn. A failure is `ok: false` with an `errorKind` (refused, timeout, status, invalidJson, tooLarge, network, missingSecret); the detail is in the server log.',
      access: 'editor',
      parameters: [flowId],
      body: {
        type: 'object',
        required: ['nodeId'],
        properties: { nodeId: { type: 'string' }, variables: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } } },
      },
      responses: {
        ...ok({
          type: 'object',
          properties: {
            request: shownRequest,
            ok: { type: 'boolean' },
            status: { type: 'integer' },
            json: {},
            variables: { type: 'object', description: 'What the response mapping would store' },
            missing: { type: 'array', items: { type: 'string' } },
            errorKind: { type: 'string' },
            missingSecrets: { type: 'array', items: { type: 'string' } },
            durationMs: { type: 'integer' },
          },
        }),
        ...errors(404),
      },
    }),
  },
};

/** Recorded fallbacks (mounted by the chat module, which owns the conversation store). */
export const unrecognizedPaths: Paths = {
  '/api/flows/{id}/unrecognized': {
    get: operation({
      tag: 'Flows',
      summary: 'Messages the bot did not understand, newest first',
      access: 'editor',
      parameters: [flowId, query('version', 'Only this published version'), query('before', 'Epoch ms: page back from the last item'), query('limit', '1–500, default 100')],
      responses: {
        ...ok({
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  text: { type: 'string' },
                  nodeId: { type: ['string', 'null'] },
                  version: { type: 'integer' },
                  at: { type: 'string', format: 'date-time' },
                  sessionId: { type: 'string' },
                  reason: { type: ['string', 'null'] },
                  confidence: { type: ['number', 'null'] },
                },
              },
            },
          },
        }),
        ...errors(400, 404),
      },
    }),
  },
};
