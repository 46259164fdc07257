import { z } from 'zod';
import { defineRoute } from './route';
import { roleSchema } from './common';

export const userSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema })
  .meta({ id: 'User', description: 'An account as any API shows it (never its password hash)' });

export const loginBody = z.strictObject({
  email: z.string().trim().min(1, 'must not be empty').max(320),
  password: z.string().min(1, 'must not be empty').max(200),
});

/** An API token signs in without an email or a CSRF token. */
const sessionSchema = z
  .object({ user: userSchema.extend({ email: z.string().nullable() }), csrfToken: z.string().nullable() })
  .meta({ id: 'Session' });

export const authRoutes = {
  login: defineRoute({
    method: 'post',
    path: '/api/auth/login',
    tag: 'Accounts',
    summary: 'Sign in',
    description:
      'Sets the `sb_session` cookie. Send `csrfToken` as `X-CSRF-Token` on every change made with the cookie. Failed attempts are rate-limited per IP and email.',
    access: 'public',
    body: loginBody,
    responses: { 200: z.object({ user: userSchema, csrfToken: z.string() }) },
    errors: [401, 429],
  }),
  logout: defineRoute({ method: 'post', path: '/api/auth/logout', tag: 'Accounts', summary: 'Sign out', access: 'account', responses: { 204: null } }),
  me: defineRoute({
    method: 'get',
    path: '/api/auth/me',
    tag: 'Accounts',
    summary: 'The signed-in account and its CSRF token',
    description: 'For an API token, `email` and `csrfToken` are null.',
    access: 'account',
    responses: { 200: sessionSchema },
  }),
};
