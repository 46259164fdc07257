import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { requireAccount } from '../auth/requireRole';
import { loginRateLimit } from '../auth/loginRateLimit';
import { randomSecret, sha256 } from '../auth/secrets';
import { clearSessionCookie, SESSION_TTL_MS, setSessionCookie } from '../auth/sessionCookie';
import { scryptHasher } from '../auth/password';
import { jsonBody } from '../http/jsonBody';
import { HttpError, unauthenticated } from '../http/errors';
import { parseInput } from '../http/validate';
import { publicUser } from './users';

export const loginBody = z.strictObject({
  email: z.string().trim().min(1, 'must not be empty').max(320),
  password: z.string().min(1, 'must not be empty').max(200),
});

export function createAuthRouter(deps: AppDeps): Router {
  const router = Router();
  const passwords = deps.passwords ?? scryptHasher();
  const { users, authSessions } = deps.stores;
  // Verifying against a real hash when the email is unknown keeps response times equal, so
  // timing does not reveal which emails have accounts.
  const dummyHash = passwords.hash(randomSecret());

  router.use(...jsonBody('16kb'));

  router.post('/login', ...loginRateLimit(deps), async (req, res) => {
    const { email, password } = parseInput(loginBody, req.body);
    const user = await users.findByEmail(email);
    const ok = await passwords.verify(password, user?.passwordHash ?? (await dummyHash));
    if (!user || !ok) throw new HttpError(401, 'invalid_credentials', 'Wrong email or password');
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
    setSessionCookie(req, res, deps.config, sessionId, expiresAt, now);
    res.json({ user: publicUser(user), csrfToken });
  });

  router.post('/logout', requireAccount(), async (req, res) => {
    if (req.principal?.kind === 'user') await authSessions.delete(req.principal.sessionIdHash);
    clearSessionCookie(req, res, deps.config);
    res.status(204).end();
  });

  router.get('/me', async (req, res) => {
    const principal = req.principal;
    if (!principal) throw unauthenticated();
    if (principal.kind === 'token') {
      res.json({ user: { id: principal.id, email: null, name: principal.name, role: principal.role }, csrfToken: null });
      return;
    }
    res.json({
      user: { id: principal.id, email: principal.email, name: principal.name, role: principal.role },
      csrfToken: principal.csrfToken,
    });
  });

  return router;
}
