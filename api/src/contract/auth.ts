import { z } from 'zod';
import { defineRoute } from './route';
import { roleSchema, named } from './common';
import { USER_LOCALES } from '../storage/userStore';

export const userSchema = named(
  'User',
  z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    /** The person's own editor language; null until they choose one. */
    locale: z.enum(USER_LOCALES).nullable(),
  }),
  'An account as any API shows it (never its password hash)',
);

export const loginBody = z.strictObject({
  email: z.string().trim().min(1, 'must not be empty').max(320),
  password: z.string().min(1, 'must not be empty').max(200),
});

const newPasswordSchema = z.string().min(12, 'must be at least 12 characters').max(200);

export const patchMeBody = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    locale: z.enum(USER_LOCALES).optional(),
    currentPassword: z.string().max(200).optional(),
    newPassword: newPasswordSchema.optional(),
  })
  .refine((b) => b.newPassword === undefined || (b.currentPassword ?? '') !== '', {
    path: ['currentPassword'],
    message: 'is needed to set a new password',
  });

/** An API token signs in without an email or a CSRF token. */
const sessionSchema = named(
  'Session',
  z.object({ user: userSchema.extend({ email: z.string().nullable(), locale: z.enum(USER_LOCALES).nullable() }), csrfToken: z.string().nullable() }),
);

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
    errors: [401, 403, 429],
  }),
  logout: defineRoute({ method: 'post', path: '/api/auth/logout', tag: 'Accounts', summary: 'Sign out', access: 'account', responses: { 204: null }, errors: [400, 415] }),
  me: defineRoute({
    method: 'get',
    path: '/api/auth/me',
    tag: 'Accounts',
    summary: 'The signed-in account and its CSRF token',
    description: 'For an API token, `email` and `csrfToken` are null.',
    access: 'account',
    responses: { 200: sessionSchema },
  }),
  updateMe: defineRoute({
    method: 'patch',
    path: '/api/auth/me',
    tag: 'Accounts',
    summary: 'Change your own name, language or password',
    description: 'A new password needs `currentPassword` (400 `wrong_password` when it is wrong) and signs you out of your other sessions; this one stays.',
    access: 'account',
    body: patchMeBody,
    responses: { 200: z.object({ user: userSchema }) },
    errors: [403],
  }),
};
