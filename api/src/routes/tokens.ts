import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { requireRole } from '../auth/requireRole';
import { API_TOKEN_PREFIX, randomSecret, sha256 } from '../auth/secrets';
import { jsonBody } from '../http/jsonBody';
import { notFound } from '../http/errors';
import { parseInput } from '../http/validate';
import type { ApiToken } from '../storage/tokenStore';
import { resourceIdParams } from './params';
import { roleSchema } from './users';

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  role: roleSchema,
});

export function publicToken(token: ApiToken) {
  return { id: token.id, name: token.name, role: token.role, createdAt: token.createdAt, lastUsedAt: token.lastUsedAt };
}

export function createTokensRouter(deps: AppDeps): Router {
  const router = Router();
  const { tokens } = deps.stores;
  router.use(requireRole('admin'), ...jsonBody('16kb'));

  router.get('/', async (_req, res) => {
    res.json({ tokens: (await tokens.list()).map(publicToken) });
  });

  router.post('/', async (req, res) => {
    const body = parseInput(createTokenBody, req.body);
    const secret = randomSecret(API_TOKEN_PREFIX);
    const token = await tokens.create({ name: body.name, role: body.role, secretHash: sha256(secret), createdBy: req.principal!.id });
    // The only time the secret leaves the server: it is stored as a hash.
    res.status(201).json({ token: publicToken(token), secret });
  });

  router.delete('/:id', async (req, res) => {
    const { id } = parseInput(resourceIdParams, req.params, 'params');
    if (!(await tokens.delete(id))) throw notFound('Token');
    res.status(204).end();
  });

  return router;
}
