import { z } from 'zod';
import { defineRoute } from './route';
import { described, named } from './common';
import { SECRET_NAME_RE } from '../../../runtime/src/http/secretRef';

export const secretNameParams = z.object({
  name: described(
    z
      .string()
      .max(64, 'must be at most 64 characters')
      .regex(SECRET_NAME_RE, 'must be upper-case letters, digits and _, starting with a letter (API_KEY)'),
    'Secret name, as in `{{secret.NAME}}`',
  ),
});

export const putSecretBody = z.strictObject({
  value: z.string().min(1, 'must not be empty').max(8192, 'must be at most 8192 characters'),
});

export const secretInfoSchema = named('SecretInfo', z.object({ name: z.string().regex(SECRET_NAME_RE), createdAt: z.iso.datetime(), updatedAt: z.iso.datetime() }), 'What any API tells about a secret: never its value');
const one = z.object({ secret: secretInfoSchema });

export const secretRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/secrets',
    tag: 'Secrets',
    summary: 'List secrets (names only; no API returns a value)',
    access: 'editor',
    responses: { 200: z.object({ secrets: z.array(secretInfoSchema) }) },
  }),
  put: defineRoute({
    method: 'put',
    path: '/api/secrets/:name',
    tag: 'Secrets',
    summary: 'Create or replace a secret',
    description: 'The value is encrypted at rest and can be used in flows as `{{secret.NAME}}`; it is never returned.',
    access: 'admin',
    params: secretNameParams,
    body: putSecretBody,
    responses: { 200: { description: 'Replaced', schema: one }, 201: one },
    errors: [503],
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/secrets/:name',
    tag: 'Secrets',
    summary: 'Delete a secret',
    access: 'admin',
    params: secretNameParams,
    responses: { 204: null },
    errors: [404],
  }),
};
