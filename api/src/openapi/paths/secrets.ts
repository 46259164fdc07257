import { putSecretBody } from '../../routes/secrets';
import { created, errors, fromZod, noContent, ok, operation, pathParam, type JsonSchema, type Paths } from '../helpers';

const secretInfo: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
  required: ['name', 'createdAt', 'updatedAt'],
};
const one = { type: 'object', properties: { secret: secretInfo }, required: ['secret'] };
const nameParam = pathParam('name', 'Secret name, as in `{{secret.NAME}}`', { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', maxLength: 64 });

export const secretPaths: Paths = {
  '/api/secrets': {
    get: operation({
      tag: 'Secrets',
      summary: 'List secrets (names only; no API returns a value)',
      access: 'editor',
      responses: ok({ type: 'object', properties: { secrets: { type: 'array', items: secretInfo } }, required: ['secrets'] }),
    }),
  },
  '/api/secrets/{name}': {
    put: operation({
      tag: 'Secrets',
      summary: 'Create or replace a secret',
      description: 'The value is encrypted at rest and can be used in flows as `{{secret.NAME}}`; it is never returned.',
      access: 'admin',
      parameters: [nameParam],
      body: fromZod(putSecretBody, 'input'),
      responses: { ...ok(one, 'Replaced'), ...created(one), ...errors(503) },
    }),
    delete: operation({
      tag: 'Secrets',
      summary: 'Delete a secret',
      access: 'admin',
      parameters: [nameParam],
      responses: { ...noContent, ...errors(404) },
    }),
  },
};
