import { z } from 'zod';
import { defineRoute } from './route';
import { described } from './common';
import { flowIdParams } from './flows';
import { idSchema, variableValueSchema } from '../../../runtime/src/schema';

export const previewHttpBody = z.strictObject({
  nodeId: idSchema,
  /** The values to fill in, as the previewer's conversation holds them. */
  variables: z.record(z.string(), variableValueSchema).default({}),
});

const shownRequest = described(
  z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(z.object({ name: z.string(), value: z.string() })),
    body: z.string().optional(),
  }),
  'The request as sent, with `{{secret.NAME}}` placeholders in place of secret values',
);
const previewResult = z.union([
  z.object({
    request: shownRequest,
    ok: z.literal(true),
    status: z.number().int(),
    json: z.unknown(),
    variables: described(z.record(z.string(), variableValueSchema), 'What the response mapping would store'),
    missing: described(z.array(z.string()), 'Mapped paths the response did not have'),
    durationMs: z.number(),
  }),
  z.object({
    request: shownRequest,
    ok: z.literal(false),
    errorKind: described(z.string(), 'refused, timeout, status, invalidJson, tooLarge, network, missingSecret, secretNotAllowed'),
    status: z.number().int().optional(),
    missingSecrets: z.array(z.string()).optional(),
    detail: described(z.string(), 'For secretNotAllowed: which secret may go to which hosts').optional(),
    durationMs: z.number(),
  }),
]);

export const unrecognizedQuery = z.strictObject({
  version: described(z.coerce.number().int().min(1, 'must be a version number').optional(), 'Only this published version'),
  before: described(z.coerce.number().int().min(0).optional(), 'Epoch ms: page back from the last item'),
  limit: described(z.coerce.number().int().min(1).max(500).default(100), '1–500, default 100'),
});

export const unrecognizedMessageSchema = z.object({
  text: z.string(),
  nodeId: z.string().nullable(),
  version: z.number().int(),
  at: z.iso.datetime(),
  sessionId: z.string(),
  reason: z.string().nullable(),
  confidence: z.number().nullable(),
});

export const nluRoutes = {
  previewHttp: defineRoute({
    method: 'post',
    path: '/api/flows/:id/preview/http',
    tag: 'Flows',
    summary: 'Try an HTTP request step of the saved draft',
    description:
      'Runs the step through the same secret filling and SSRF-guarded client as a chat turn. A failure is `ok: false` with an `errorKind`; the detail is in the server log, except for `secretNotAllowed`, whose `detail` names the secret and its allowed hosts. Every form of a used secret value (as is, URL-encoded, JSON-escaped, base64) is replaced by `[secret]` in `json` and `variables`.',
    access: 'editor',
    params: flowIdParams,
    body: previewHttpBody,
    responses: { 200: previewResult },
    errors: [404],
  }),
  unrecognized: defineRoute({
    method: 'get',
    path: '/api/flows/:id/unrecognized',
    tag: 'Flows',
    summary: 'Messages the bot did not understand, newest first',
    access: 'editor',
    params: flowIdParams,
    query: unrecognizedQuery,
    responses: { 200: z.object({ items: z.array(unrecognizedMessageSchema) }) },
    errors: [404],
  }),
};
