import { createUserBody, patchUserBody } from '../../routes/users';
import { created, errors, fromZod, noContent, ok, operation, pathParam, ref, type Paths } from '../helpers';

const userId = pathParam('id', 'User id');
const one = { type: 'object', properties: { user: ref('User') }, required: ['user'] };

export const userPaths: Paths = {
  '/api/users': {
    get: operation({
      tag: 'Accounts',
      summary: 'List accounts',
      access: 'admin',
      responses: ok({ type: 'object', properties: { users: { type: 'array', items: ref('User') } }, required: ['users'] }),
    }),
    post: operation({
      tag: 'Accounts',
      summary: 'Create an account',
      access: 'admin',
      body: fromZod(createUserBody, 'input'),
      responses: { ...created(one), ...errors(409) },
    }),
  },
  '/api/users/{id}': {
    patch: operation({
      tag: 'Accounts',
      summary: 'Change name, role or password',
      description: 'A new role or password signs the account out of its other sessions. The last admin cannot be demoted (409 `last_admin`).',
      access: 'admin',
      parameters: [userId],
      body: fromZod(patchUserBody, 'input'),
      responses: { ...ok(one), ...errors(404, 409) },
    }),
    delete: operation({
      tag: 'Accounts',
      summary: 'Delete an account',
      access: 'admin',
      parameters: [userId],
      responses: { ...noContent, ...errors(404, 409) },
    }),
  },
};
