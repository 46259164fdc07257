import type { AppDeps } from '../deps';
import { recordAudit } from '../audit/recordAudit';
import { SEPARATELY_EDITED, type OrgSettings, type StoredSettings } from '../storage/settingsStore';
import { requireRole } from '../auth/requireRole';
import { settingsRoutes } from '../contract/settings';
import { ContractRouter } from '../http/contractRouter';
import { jsonBody } from '../http/jsonBody';

/** The settings without the areas edited elsewhere (the language model has its own routes). */
function generalPart(stored: StoredSettings): OrgSettings {
  const general: Record<string, unknown> = { ...stored };
  for (const key of SEPARATELY_EDITED) delete general[key];
  return general as OrgSettings;
}

export function createSettingsRouter(deps: AppDeps): ContractRouter {
  const router = new ContractRouter('/api/settings');
  const { settings } = deps.stores;
  router.use(requireRole('admin'), ...jsonBody('16kb'));

  router.on(settingsRoutes.get).reply(async () => ({ status: 200, body: generalPart(await settings.get()) }));

  router.on(settingsRoutes.replace).reply(async ({ body: input, req }) => {
    const before = await settings.get();
    // Clients that predate canned replies or retention send settings without them; that must not erase them.
    const cannedReplies = input.cannedReplies ?? before.cannedReplies ?? [];
    const retentionDays = input.retentionDays === undefined ? (before.retentionDays ?? null) : input.retentionDays;
    const kept = Object.fromEntries(SEPARATELY_EDITED.filter((k) => before[k] !== undefined).map((k) => [k, before[k]]));
    const saved = generalPart(await settings.set({ ...kept, ...input, cannedReplies, retentionDays }));
    const changed = (Object.keys(saved) as (keyof OrgSettings)[]).filter((k) => JSON.stringify(saved[k]) !== JSON.stringify(before[k]));
    if (changed.length > 0) {
      await recordAudit(deps, req, 'settings.update', null, {
        changed: changed.join(', '),
        ...(changed.includes('retentionDays') ? { retentionDaysFrom: before.retentionDays ?? null, retentionDaysTo: retentionDays } : {}),
      });
    }
    return { status: 200, body: saved };
  });

  return router;
}
