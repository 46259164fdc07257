import { z } from 'zod';
import { defineRoute } from './route';
import { described, named } from './common';
import { SECRET_NAME_RE } from '../../../runtime/src/http/secretRef';
import { SECRET_HOST_RE } from '../secrets/secretHosts';

export const secretNameParams = z.object({
  name: described(
    z
      .string()
      .max(64, 'must be at most 64 characters')
      .regex(SECRET_NAME_RE, 'must be upper-case letters, digits and _, starting with a letter (API_KEY)'),
    'Secret name, as in `{{secret.NAME}}`',
  ),
});

const secretHost = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, 'must be at most 253 characters')
  .transform((h) => h.replace(/\.$/, ''))
  .refine((h) => SECRET_HOST_RE.test(h), 'must be a host name such as api.shop.pl, or *.shop.pl for its subdomains (no scheme, path or port)');

export const putSecretBody = z
  .strictObject({
    value: z.string().min(1, 'must not be empty').max(8192, 'must be at most 8192 characters').optional(),
    hosts: described(
      z.array(secretHost).min(1, 'list at least one host the secret may be sent to').max(50, 'at most 50 hosts'),
      'The hosts the value may be sent to; required for a new secret. A request to any other host that carries it is refused.',
    ).optional(),
  })
  .refine((b) => b.value !== undefined || b.hosts !== undefined, { message: 'send a value, hosts, or both', path: ['value'] });

export const secretInfoSchema = named(
  'SecretInfo',
  z.object({
    name: z.string().regex(SECRET_NAME_RE),
    hosts: described(z.array(z.string()), 'Where the value may be sent; empty for a secret saved before hosts existed, which cannot be used until hosts are set'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  }),
  'What any API tells about a secret: never its value',
);
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
    summary: 'Create or replace a secret, or change the hosts it may be sent to',
    description:
      'The value is encrypted at rest and can be used in flows as `{{secret.NAME}}`; it is never returned. A new secret needs `value` and `hosts`; for an existing one either may be sent alone.',
    access: 'admin',
    params: secretNameParams,
    body: putSecretBody,
    responses: { 200: { description: 'Replaced', schema: one }, 201: one },
    errors: [400, 404, 503],
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
