import { z } from 'zod';
import { defineRoute } from './route';
import { resourceIdSchema, roleSchema, named, described } from './common';
import { userSchema } from './auth';

export const passwordSchema = z.string().min(12, 'must be at least 12 characters').max(200);
export const createUserBody = z.strictObject({
  email: z.email('must be an email address').max(320),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  role: roleSchema,
  password: passwordSchema,
});
export const patchUserBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200).optional(),
  role: roleSchema.optional(),
  password: passwordSchema.optional(),
  /** false deactivates the account (it cannot sign in; its sessions end), true restores it. */
  active: z.boolean().optional(),
});

/** An account as admins see it on the organisation page. */
export const adminUserSchema = named(
  'AdminUser',
  userSchema.extend({ createdAt: z.string(), lastSignInAt: z.string().nullable(), active: z.boolean() }),
);

const userId = z.object({ id: described(resourceIdSchema, 'User id') });
const one = z.object({ user: adminUserSchema });

export const userRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/users',
    tag: 'Accounts',
    summary: 'List accounts',
    access: 'admin',
    responses: { 200: z.object({ users: z.array(adminUserSchema) }) },
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/users',
    tag: 'Accounts',
    summary: 'Create an account',
    access: 'admin',
    body: createUserBody,
    responses: { 201: one },
    errors: [409],
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/users/:id',
    tag: 'Accounts',
    summary: 'Change name, role or password; deactivate or restore',
    description:
      'A new role or password, or `active: false`, signs the account out of its other sessions. A deactivated account cannot sign in. The last active admin cannot be demoted or deactivated (409 `last_admin`), and nobody can deactivate themselves (409 `deactivate_self`).',
    access: 'admin',
    params: userId,
    body: patchUserBody,
    responses: { 200: one },
    errors: [404, 409],
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/users/:id',
    tag: 'Accounts',
    summary: 'Delete an account',
    access: 'admin',
    params: userId,
    responses: { 204: null },
    errors: [404, 409],
  }),
};
