import { createTokenBody } from '../../routes/tokens';
import { created, errors, fromZod, noContent, ok, operation, pathParam, ref, type Paths } from '../helpers';

export const tokenPaths: Paths = {
  '/api/tokens': {
    get: operation({
      tag: 'API tokens',
      summary: 'List API tokens (never their secrets)',
      access: 'admin',
      responses: ok({ type: 'object', properties: { tokens: { type: 'array', items: ref('ApiToken') } }, required: ['tokens'] }),
    }),
    post: operation({
      tag: 'API tokens',
      summary: 'Create an API token',
      description: 'The response carries `secret` this once; use it as `Authorization: Bearer <secret>`.',
      access: 'admin',
      body: fromZod(createTokenBody, 'input'),
      responses: created({
        type: 'object',
        properties: { token: ref('ApiToken'), secret: { type: 'string' } },
        required: ['token', 'secret'],
      }),
    }),
  },
  '/api/tokens/{id}': {
    delete: operation({
      tag: 'API tokens',
      summary: 'Revoke an API token',
      access: 'admin',
      parameters: [pathParam('id', 'Token id')],
      responses: { ...noContent, ...errors(404) },
    }),
  },
};
