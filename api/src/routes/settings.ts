import type { AppDeps } from '../deps';
import { requireRole } from '../auth/requireRole';
import { settingsRoutes } from '../contract/settings';
import { ContractRouter } from '../http/contractRouter';
import { jsonBody } from '../http/jsonBody';

export function createSettingsRouter(deps: AppDeps): ContractRouter {
  const router = new ContractRouter('/api/settings');
  const { settings } = deps.stores;
  router.use(requireRole('admin'), ...jsonBody('16kb'));

  router.on(settingsRoutes.get).reply(async () => ({ status: 200, body: await settings.get() }));

  router.on(settingsRoutes.replace).reply(async ({ body: input }) => {
    // Clients that predate canned replies send settings without them; that must not erase them.
    const cannedReplies = input.cannedReplies ?? (await settings.get()).cannedReplies ?? [];
    return { status: 200, body: await settings.set({ ...input, cannedReplies }) };
  });

  return router;
}
