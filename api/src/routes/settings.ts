import { Router } from 'express';
import type { AppDeps } from '../deps';
import { requireRole } from '../auth/requireRole';
import { jsonBody } from '../http/jsonBody';
import { parseInput } from '../http/validate';
import { orgSettingsSchema } from '../storage/settingsStore';

export function createSettingsRouter(deps: AppDeps): Router {
  const router = Router();
  const { settings } = deps.stores;
  router.use(requireRole('admin'), ...jsonBody('16kb'));

  router.get('/', async (_req, res) => {
    res.json(await settings.get());
  });

  router.put('/', async (req, res) => {
    const input = parseInput(orgSettingsSchema, req.body);
    // Clients that predate canned replies send settings without them; that must not erase them.
    const cannedReplies = input.cannedReplies ?? (await settings.get()).cannedReplies ?? [];
    res.json(await settings.set({ ...input, cannedReplies }));
  });

  return router;
}
