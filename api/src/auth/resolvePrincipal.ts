import { parseCookie } from 'cookie';
import type { AppDeps } from '../deps';
import type { AuthSession } from '../storage/authSessionStore';
import type { ApiToken } from '../storage/tokenStore';
import { isActive } from '../storage/userStore';
import type { Principal } from './principal';
import { API_TOKEN_PREFIX, sha256 } from './secrets';
import { SESSION_COOKIE } from './sessionCookie';

// Bookkeeping writes (sliding expiry, token lastUsedAt) are throttled so that reads stay reads.
const TOKEN_TOUCH_INTERVAL_MS = 60_000;

export interface Credentials {
  authorization?: string | undefined;
  cookie?: string | undefined;
}

export interface Resolved {
  principal: Principal | null;
  /** The cookie session, when that is how the request authenticated. */
  session: AuthSession | null;
  /** The raw cookie value, needed to re-send the cookie with a later expiry. */
  sessionId: string | null;
}

const NOBODY: Resolved = { principal: null, session: null, sessionId: null };

/**
 * A token works only while the person who created it could still create it: their account
 * exists, is active, and is an admin or has the token's role. Tokens made before owners were
 * recorded (createdBy null) or by an older token-made token (createdBy a token id) are judged by
 * that token's owner.
 */
async function ownerStillEntitled(deps: AppDeps, token: ApiToken, depth = 0): Promise<boolean> {
  if (token.createdBy === null) return true;
  const owner = await deps.stores.users.get(token.createdBy);
  if (owner) return isActive(owner) && (owner.role === 'admin' || owner.role === token.role);
  const parent = depth < 3 ? await deps.stores.tokens.get(token.createdBy) : null;
  return parent !== null && (await ownerStillEntitled(deps, parent, depth + 1));
}

export function bearerOf(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match ? match[1]! : null;
}

/**
 * Who the credentials belong to. Bearer values that are not API tokens (e.g. chat session tokens)
 * are left to their own routes, so the cookie still counts. Usable for WebSocket upgrades too.
 */
export async function resolvePrincipal(deps: AppDeps, credentials: Credentials): Promise<Resolved> {
  const now = deps.clock();
  const bearer = bearerOf(credentials.authorization);
  if (bearer?.startsWith(API_TOKEN_PREFIX)) {
    const token = await deps.stores.tokens.findBySecretHash(sha256(bearer));
    if (!token) return NOBODY;
    if (token.expiresAt && Date.parse(token.expiresAt) <= now) return NOBODY;
    if (!(await ownerStillEntitled(deps, token))) return NOBODY;
    if (!token.lastUsedAt || now - Date.parse(token.lastUsedAt) >= TOKEN_TOUCH_INTERVAL_MS) {
      await deps.stores.tokens.touch(token.id, new Date(now).toISOString());
    }
    return { principal: { kind: 'token', id: token.id, name: token.name, role: token.role }, session: null, sessionId: null };
  }
  const sessionId = credentials.cookie ? parseCookie(credentials.cookie)[SESSION_COOKIE] : undefined;
  if (!sessionId) return NOBODY;
  const session = await deps.stores.authSessions.get(sha256(sessionId));
  if (!session) return NOBODY;
  if (Date.parse(session.expiresAt) <= now) {
    await deps.stores.authSessions.delete(session.idHash);
    return NOBODY;
  }
  const user = await deps.stores.users.get(session.userId);
  // Deactivation also deletes the sessions; this check covers a session created in between.
  if (!user || !isActive(user)) return NOBODY;
  return {
    principal: {
      kind: 'user',
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      sessionIdHash: session.idHash,
      csrfToken: session.csrfToken,
    },
    session,
    sessionId,
  };
}
