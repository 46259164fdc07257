import { recordAuditAs } from '../audit/recordAudit';
import type { AppDeps } from '../deps';
import { authRoutes } from '../contract/auth';
import { ContractRouter } from '../http/contractRouter';
import { requireAccount } from '../auth/requireRole';
import { loginRateLimit } from '../auth/loginRateLimit';
import { randomSecret, sha256 } from '../auth/secrets';
import { clearSessionCookie, SESSION_TTL_MS, setSessionCookie } from '../auth/sessionCookie';
import { passwordsOf } from '../auth/hashQueue';
import { jsonBody } from '../http/jsonBody';
import { badRequest, HttpError, unauthenticated } from '../http/errors';
import { isActive, type UserPatch } from '../storage/userStore';
import { publicUser } from './users';

export function createAuthRouter(deps: AppDeps): ContractRouter {
  const router = new ContractRouter('/api/auth');
  const passwords = passwordsOf(deps);
  const { users, authSessions } = deps.stores;
  // Verifying against a real hash when the email is unknown keeps response times equal, so
  // timing does not reveal which emails have accounts.
  const dummyHash = passwords.hash(randomSecret());

  router.use(...jsonBody('16kb'));

  router.on(authRoutes.login, { before: loginRateLimit(deps) }).reply(async ({ body: { email, password }, req, res }) => {
    const user = await users.findByEmail(email);
    const ok = await passwords.verify(password, user?.passwordHash ?? (await dummyHash));
    if (!user || !ok) {
      await recordAuditAs(deps, { kind: 'anonymous', id: null, name: email.slice(0, 200) }, 'auth.loginFailed', user?.id ?? null, {
        reason: user ? 'wrongPassword' : 'unknownEmail',
      });
      throw new HttpError(401, 'invalid_credentials', 'Wrong email or password');
    }
    // Said only after the right password, so it reveals nothing to someone guessing.
    if (!isActive(user)) {
      await recordAuditAs(deps, { kind: 'anonymous', id: null, name: user.email }, 'auth.loginFailed', user.id, { reason: 'deactivated' });
      throw new HttpError(403, 'account_deactivated', 'This account has been deactivated; ask an admin to restore it');
    }
    const now = deps.clock();
    const sessionId = randomSecret();
    const csrfToken = randomSecret();
    const expiresAt = now + SESSION_TTL_MS;
    await authSessions.deleteExpired(new Date(now).toISOString());
    await authSessions.create({
      idHash: sha256(sessionId),
      userId: user.id,
      csrfToken,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(expiresAt).toISOString(),
    });
    await users.update(user.id, { lastSignInAt: new Date(now).toISOString() });
    setSessionCookie(req, res, deps.config, sessionId, expiresAt, now);
    await recordAuditAs(deps, { kind: 'user', id: user.id, name: user.email }, 'auth.login', user.id);
    return { status: 200, body: { user: publicUser(user), csrfToken } };
  });

  router.on(authRoutes.logout, { before: [requireAccount()] }).reply(async ({ req, res }) => {
    if (req.principal?.kind === 'user') await authSessions.delete(req.principal.sessionIdHash);
    clearSessionCookie(req, res, deps.config);
    return { status: 204 };
  });

  router.on(authRoutes.me).reply(async ({ req }) => {
    const principal = req.principal;
    if (!principal) throw unauthenticated();
    if (principal.kind === 'token') {
      return {
        status: 200,
        body: { user: { id: principal.id, email: null, name: principal.name, role: principal.role, locale: null }, csrfToken: null },
      };
    }
    const user = await users.get(principal.id);
    return {
      status: 200,
      body: {
        user: { id: principal.id, email: principal.email, name: principal.name, role: principal.role, locale: user?.locale ?? null },
        csrfToken: principal.csrfToken,
      },
    };
  });

  // Each person's own profile. A new password needs the current one and ends their other sessions.
  router.on(authRoutes.updateMe, { before: [requireAccount()] }).reply(async ({ body, req }) => {
    const principal = req.principal;
    if (principal?.kind !== 'user') throw new HttpError(403, 'forbidden', 'API tokens have no profile');
    const user = await users.get(principal.id);
    if (!user) throw unauthenticated();
    const patch: UserPatch = {};
    if (body.name !== undefined) patch.name = body.name;
    if (body.locale !== undefined) patch.locale = body.locale;
    if (body.newPassword !== undefined) {
      if (!(await passwords.verify(body.currentPassword ?? '', user.passwordHash))) {
        throw badRequest('wrong_password', 'The current password is wrong', [{ path: 'currentPassword', message: 'is wrong' }]);
      }
      patch.passwordHash = await passwords.hash(body.newPassword);
    }
    const result = await users.update(principal.id, patch);
    if (!result.ok) throw unauthenticated();
    if (body.newPassword !== undefined) {
      const current = await authSessions.get(principal.sessionIdHash);
      await authSessions.deleteForUser(principal.id);
      if (current) await authSessions.create(current);
    }
    return { status: 200, body: { user: publicUser(result.user) } };
  });

  return router;
}
