import { z } from 'zod';
import { defineRoute } from './route';
import { resourceIdSchema, roleSchema } from './common';
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
});

const userId = z.object({ id: resourceIdSchema.describe('User id') });
const one = z.object({ user: userSchema });

export const userRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/users',
    tag: 'Accounts',
    summary: 'List accounts',
    access: 'admin',
    responses: { 200: z.object({ users: z.array(userSchema.extend({ createdAt: z.string() })) }) },
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
    summary: 'Change name, role or password',
    description: 'A new role or password signs the account out of its other sessions. The last admin cannot be demoted (409 `last_admin`).',
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
