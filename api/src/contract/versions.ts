import { z } from 'zod';
import { defineRoute } from './route';
import { described } from './common';
import { flowDocument, flowIdParams, versionSchema } from './flows';
import { idSchema } from '../../../runtime/src/schema';

export const rollbackBody = z.strictObject({ note: z.string().max(1000).optional() });
export const versionParams = z.object({
  id: described(idSchema, 'Flow id'),
  n: described(z.coerce.number().int().min(1, 'must be a version number'), 'Version number'),
});

export const versionRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/flows/:id/versions',
    tag: 'Versions',
    summary: 'Published versions, newest first',
    access: 'editor',
    params: flowIdParams,
    responses: { 200: z.object({ versions: z.array(versionSchema) }) },
    errors: [404],
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/flows/:id/versions/:n',
    tag: 'Versions',
    summary: 'One version with its document',
    access: 'editor',
    params: versionParams,
    responses: { 200: versionSchema.extend({ flow: flowDocument }) },
    errors: [404],
  }),
  rollback: defineRoute({
    method: 'post',
    path: '/api/flows/:id/versions/:n/rollback',
    tag: 'Versions',
    summary: 'Publish a copy of version n as the next version and reset the draft to it',
    description:
      "The draft becomes version n's document, so a later publish does not ship the rolled-back edits again. Unpublished edits the draft held are kept as a new flow, named in `savedCopy`.",
    access: 'editor',
    params: versionParams,
    body: rollbackBody,
    responses: {
      201: z.object({
        version: versionSchema,
        draft: z.object({ revision: z.number().int() }),
        savedCopy: z.object({ id: z.string(), name: z.string() }).nullable(),
      }),
    },
    errors: [404, 409],
  }),
};
