import { recordAudit } from '../audit/recordAudit';
import type { AppDeps } from '../deps';
import { requireRole } from '../auth/requireRole';
import { API_TOKEN_PREFIX, randomSecret, sha256 } from '../auth/secrets';
import { tokenRoutes } from '../contract/tokens';
import { ContractRouter } from '../http/contractRouter';
import { jsonBody } from '../http/jsonBody';
import { badRequest, notFound } from '../http/errors';
import type { ApiToken } from '../storage/tokenStore';

export function publicToken(token: ApiToken) {
  return {
    id: token.id,
    name: token.name,
    role: token.role,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    expiresAt: token.expiresAt ?? null,
  };
}

export function createTokensRouter(deps: AppDeps): ContractRouter {
  const router = new ContractRouter('/api/tokens');
  const { tokens } = deps.stores;
  router.use(requireRole('admin'), ...jsonBody('16kb'));

  router.on(tokenRoutes.list).reply(async () => ({ status: 200, body: { tokens: (await tokens.list()).map(publicToken) } }));

  router.on(tokenRoutes.create).reply(async ({ body, req }) => {
    const expiresAt = body.expiresAt ? new Date(body.expiresAt).toISOString() : null;
    if (expiresAt && Date.parse(expiresAt) <= deps.clock()) {
      throw badRequest('invalid_request', 'The request is not valid', [{ path: 'expiresAt', message: 'must be in the future' }]);
    }
    const secret = randomSecret(API_TOKEN_PREFIX);
    // The owner is always a person: a token made with a token belongs to that token's owner, so
    // demoting or deleting the person disables every token descended from them.
    const principal = req.principal!;
    const createdBy = principal.kind === 'user' ? principal.id : ((await tokens.get(principal.id))?.createdBy ?? null);
    const token = await tokens.create({ name: body.name, role: body.role, secretHash: sha256(secret), createdBy, expiresAt });
    await recordAudit(deps, req, 'token.create', token.id, { name: token.name, role: token.role, expiresAt });
    // The only time the secret leaves the server: it is stored as a hash.
    return { status: 201, body: { token: publicToken(token), secret } };
  });

  router.on(tokenRoutes.remove).reply(async ({ params: { id }, req }) => {
    if (!(await tokens.delete(id))) throw notFound('Token');
    await recordAudit(deps, req, 'token.revoke', id);
    return { status: 204 };
  });

  return router;
}
