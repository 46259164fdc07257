import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { requireRole } from '../auth/requireRole';
import { HttpError, notFound } from '../http/errors';
import { jsonBody } from '../http/jsonBody';
import { parseInput } from '../http/validate';
import { SECRET_NAME_RE } from '../../../runtime/src/http';
import { createSecretVault, loadSecretKey, SecretKeyMismatchError, type SecretVault } from '../secrets';

export const secretNameParams = z.object({
  name: z.string().max(64, 'must be at most 64 characters').regex(SECRET_NAME_RE, 'must be upper-case letters, digits and _, starting with a letter (API_KEY)'),
});

export const putSecretBody = z.strictObject({
  value: z.string().min(1, 'must not be empty').max(8192, 'must be at most 8192 characters'),
});

/** The vault the app uses: the one the server opened at start, or one over the app's store. */
export function vaultOf(deps: AppDeps): SecretVault {
  return deps.secrets ?? createSecretVault(deps.stores.secrets, () => loadSecretKey(deps.config.secretKey, deps.config.dataDir));
}

/** A wrong key is the operator's to fix; say so instead of a bare 500. */
async function withKey<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof SecretKeyMismatchError) throw new HttpError(503, 'secret_key_mismatch', err.message);
    throw err;
  }
}

/**
 * Secrets flows refer to as `{{secret.NAME}}`. Values go in and never come out: no route, not
 * even for admins, returns one. Editors may list the names to use them in flows.
 */
export function createSecretsRouter(deps: AppDeps): Router {
  const router = Router();
  const vault = vaultOf(deps);
  router.use(requireRole('editor'), ...jsonBody('16kb'));

  router.get('/', async (_req, res) => {
    res.json({ secrets: await vault.list() });
  });

  router.put('/:name', requireRole('admin'), async (req, res) => {
    const { name } = parseInput(secretNameParams, req.params, 'params');
    const { value } = parseInput(putSecretBody, req.body ?? {});
    const { secret, created } = await withKey(() => vault.set(name, value));
    res.status(created ? 201 : 200).json({ secret });
  });

  router.delete('/:name', requireRole('admin'), async (req, res) => {
    const { name } = parseInput(secretNameParams, req.params, 'params');
    if (!(await vault.delete(name))) throw notFound('Secret');
    res.status(204).end();
  });

  return router;
}
