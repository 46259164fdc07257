import { z } from 'zod';
import { defineRoute } from './route';
import { resourceIdSchema, roleSchema, named, described } from './common';

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  role: roleSchema,
  /** When the token stops working; null or left out: never. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
});

export const apiTokenSchema = named(
  'ApiToken',
  z.object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  }),
);

export const tokenRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/tokens',
    tag: 'API tokens',
    summary: 'List API tokens (never their secrets)',
    access: 'admin',
    responses: { 200: z.object({ tokens: z.array(apiTokenSchema) }) },
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/tokens',
    tag: 'API tokens',
    summary: 'Create an API token',
    description: 'The response carries `secret` this once; use it as `Authorization: Bearer <secret>`. With `expiresAt` the token stops working at that moment (401).',
    access: 'admin',
    body: createTokenBody,
    responses: { 201: z.object({ token: apiTokenSchema, secret: z.string() }) },
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/tokens/:id',
    tag: 'API tokens',
    summary: 'Revoke an API token',
    access: 'admin',
    params: z.object({ id: described(resourceIdSchema, 'Token id') }),
    responses: { 204: null },
    errors: [404],
  }),
};
