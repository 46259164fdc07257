import { loginBody } from '../../routes/auth';
import { errors, fromZod, noContent, ok, operation, ref, type Paths } from '../helpers';

const session = { type: 'object', properties: { user: ref('User'), csrfToken: { type: 'string' } }, required: ['user', 'csrfToken'] };

export const authPaths: Paths = {
  '/api/auth/login': {
    post: operation({
      tag: 'Accounts',
      summary: 'Sign in',
      description: 'Sets the `sb_session` cookie. Send `csrfToken` as `X-CSRF-Token` on every change made with the cookie. Failed attempts are rate-limited per IP and email.',
      access: 'public',
      body: fromZod(loginBody, 'input'),
      responses: { ...ok(session), ...errors(401, 429) },
    }),
  },
  '/api/auth/logout': {
    post: operation({ tag: 'Accounts', summary: 'Sign out', access: 'account', responses: noContent }),
  },
  '/api/auth/me': {
    get: operation({ tag: 'Accounts', summary: 'The signed-in account and its CSRF token', access: 'account', responses: ok(session) }),
  },
};
