import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { requireRole } from '../auth/requireRole';
import { scryptHasher } from '../auth/password';
import { jsonBody } from '../http/jsonBody';
import { conflict, notFound } from '../http/errors';
import { parseInput } from '../http/validate';
import { ROLES, type User, type UserPatch } from '../storage/userStore';
import { resourceIdParams } from './params';

export const roleSchema = z.enum(ROLES);
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

export function publicUser(user: User) {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

const lastAdmin = () => conflict('last_admin', 'Switchboard needs at least one admin; make someone else admin first');

export function createUsersRouter(deps: AppDeps): Router {
  const router = Router();
  const passwords = deps.passwords ?? scryptHasher();
  const { users, authSessions } = deps.stores;
  router.use(requireRole('admin'), ...jsonBody('16kb'));

  router.get('/', async (_req, res) => {
    const all = await users.list();
    res.json({ users: all.map((u) => ({ ...publicUser(u), createdAt: u.createdAt })) });
  });

  router.post('/', async (req, res) => {
    const body = parseInput(createUserBody, req.body);
    const result = await users.create({
      email: body.email,
      name: body.name,
      role: body.role,
      passwordHash: await passwords.hash(body.password),
    });
    if (!result.ok) throw conflict('email_taken', 'An account with this email already exists');
    res.status(201).json({ user: publicUser(result.user) });
  });

  router.patch('/:id', async (req, res) => {
    const { id } = parseInput(resourceIdParams, req.params, 'params');
    const body = parseInput(patchUserBody, req.body);
    const patch: UserPatch = {};
    if (body.name !== undefined) patch.name = body.name;
    if (body.role !== undefined) patch.role = body.role;
    if (body.password !== undefined) patch.passwordHash = await passwords.hash(body.password);
    const result = await users.update(id, patch);
    if (!result.ok) throw result.reason === 'notFound' ? notFound('User') : lastAdmin();
    // A new password or role signs the account out everywhere, except the admin making the change.
    if (body.password !== undefined || body.role !== undefined) {
      const keep = req.principal?.kind === 'user' && req.principal.id === id ? req.principal.sessionIdHash : null;
      const current = keep ? await authSessions.get(keep) : null;
      await authSessions.deleteForUser(id);
      if (current) await authSessions.create(current);
    }
    res.json({ user: publicUser(result.user) });
  });

  router.delete('/:id', async (req, res) => {
    const { id } = parseInput(resourceIdParams, req.params, 'params');
    const result = await users.delete(id);
    if (!result.ok) throw result.reason === 'notFound' ? notFound('User') : lastAdmin();
    res.status(204).end();
  });

  return router;
}
