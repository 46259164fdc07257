import { recordAudit } from '../audit/recordAudit';
import type { AppDeps } from '../deps';
import { requireRole } from '../auth/requireRole';
import { passwordsOf } from '../auth/hashQueue';
import { userRoutes } from '../contract/users';
import { ContractRouter } from '../http/contractRouter';
import { jsonBody } from '../http/jsonBody';
import { conflict, notFound } from '../http/errors';
import { isActive, type User, type UserPatch } from '../storage/userStore';

export function publicUser(user: User) {
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale ?? null };
}

/** What admins see of an account on the organisation page. */
export function adminUserView(user: User) {
  return { ...publicUser(user), createdAt: user.createdAt, lastSignInAt: user.lastSignInAt ?? null, active: isActive(user) };
}

const lastAdmin = () => conflict('last_admin', 'Switchboard needs at least one admin; make someone else admin first');

export function createUsersRouter(deps: AppDeps): ContractRouter {
  const router = new ContractRouter('/api/users');
  const passwords = passwordsOf(deps);
  const { users, authSessions } = deps.stores;
  router.use(requireRole('admin'), ...jsonBody('16kb'));

  router.on(userRoutes.list).reply(async () => {
    const all = await users.list();
    return { status: 200, body: { users: all.map(adminUserView) } };
  });

  router.on(userRoutes.create).reply(async ({ body, req }) => {
    const result = await users.create({
      email: body.email,
      name: body.name,
      role: body.role,
      passwordHash: await passwords.hash(body.password),
    });
    if (!result.ok) throw conflict('email_taken', 'An account with this email already exists');
    await recordAudit(deps, req, 'user.create', result.user.id, { email: result.user.email, role: result.user.role });
    return { status: 201, body: { user: adminUserView(result.user) } };
  });

  router.on(userRoutes.update).reply(async ({ params: { id }, body, req }) => {
    const patch: UserPatch = {};
    if (body.name !== undefined) patch.name = body.name;
    if (body.role !== undefined) patch.role = body.role;
    if (body.password !== undefined) patch.passwordHash = await passwords.hash(body.password);
    const self = req.principal?.kind === 'user' && req.principal.id === id;
    if (body.active === false && self) throw conflict('deactivate_self', 'You cannot deactivate your own account');
    if (body.active !== undefined) patch.deactivatedAt = body.active ? null : new Date(deps.clock()).toISOString();
    const before = await users.get(id);
    const result = await users.update(id, patch);
    if (!result.ok) throw result.reason === 'notFound' ? notFound('User') : lastAdmin();
    await recordAudit(deps, req, 'user.update', id, {
      email: result.user.email,
      ...(body.role !== undefined && before?.role !== body.role ? { roleFrom: before?.role ?? null, roleTo: body.role } : {}),
      ...(body.name !== undefined ? { nameChanged: true } : {}),
      ...(body.password !== undefined ? { passwordChanged: true } : {}),
      ...(body.active !== undefined ? { active: body.active } : {}),
    });
    // A new password, role or deactivation signs the account out everywhere, except the admin making the change.
    if (body.password !== undefined || body.role !== undefined || body.active === false) {
      const keep = self && req.principal?.kind === 'user' ? req.principal.sessionIdHash : null;
      const current = keep ? await authSessions.get(keep) : null;
      await authSessions.deleteForUser(id);
      if (current) await authSessions.create(current);
    }
    return { status: 200, body: { user: adminUserView(result.user) } };
  });

  router.on(userRoutes.remove).reply(async ({ params: { id }, req }) => {
    const before = await users.get(id);
    const result = await users.delete(id);
    if (!result.ok) throw result.reason === 'notFound' ? notFound('User') : lastAdmin();
    await recordAudit(deps, req, 'user.delete', id, { email: before?.email ?? null, role: before?.role ?? null });
    return { status: 204 };
  });

  return router;
}
