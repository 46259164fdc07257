import { recordAudit } from '../audit/recordAudit';
import type { AppDeps } from '../deps';
import { requireRole } from '../auth/requireRole';
import { HttpError, notFound } from '../http/errors';
import { jsonBody } from '../http/jsonBody';
import { secretRoutes } from '../contract/secrets';
import { ContractRouter } from '../http/contractRouter';
import { createSecretVault, loadSecretKey, SecretKeyMismatchError, type SecretVault } from '../secrets';

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
export function createSecretsRouter(deps: AppDeps): ContractRouter {
  const router = new ContractRouter('/api/secrets');
  const vault = vaultOf(deps);
  router.use(requireRole('editor'), ...jsonBody('16kb'));

  router.on(secretRoutes.list).reply(async () => ({ status: 200, body: { secrets: await vault.list() } }));

  router.on(secretRoutes.put, { before: [requireRole('admin')] }).reply(async ({ params: { name }, body: { value, hosts }, req }) => {
    if (value === undefined) {
      // Hosts alone: how an admin makes a secret saved before hosts existed usable again.
      const updated = await vault.setHosts(name, [...new Set(hosts!)]);
      if (!updated) throw notFound('Secret');
      await recordAudit(deps, req, 'secret.set', name, { created: false, valueChanged: false, hosts: updated.hosts.join(' ') });
      return { status: 200, body: { secret: updated } };
    }
    const existing = (await vault.list()).find((s) => s.name === name);
    const allowed = hosts ?? existing?.hosts ?? [];
    if (allowed.length === 0) {
      throw new HttpError(400, 'invalid_request', 'Say which hosts this secret may be sent to', [
        { path: 'hosts', message: 'list at least one host the secret may be sent to (api.shop.pl)' },
      ]);
    }
    const { secret, created } = await withKey(() => vault.set(name, value, [...new Set(allowed)]));
    // The name only: the value never reaches the audit log either.
    await recordAudit(deps, req, 'secret.set', name, { created, valueChanged: true, hosts: secret.hosts.join(' ') });
    return { status: created ? 201 : 200, body: { secret } };
  });

  router.on(secretRoutes.remove, { before: [requireRole('admin')] }).reply(async ({ params: { name }, req }) => {
    if (!(await vault.delete(name))) throw notFound('Secret');
    await recordAudit(deps, req, 'secret.delete', name);
    return { status: 204 };
  });

  return router;
}
