import type { AppDeps } from '../deps';
import { recordAudit } from '../audit/recordAudit';
import { requireRole } from '../auth/requireRole';
import { languageModelRoutes } from '../contract/languageModel';
import { ContractRouter } from '../http/contractRouter';
import { HttpError } from '../http/errors';
import { jsonBody } from '../http/jsonBody';
import { languageModelOf, vaultOf } from '../appServices';
import { apiKeyPlaceholder, apiKeySecretName } from '../llm/apiKeySecret';
import { DEFAULT_LANGUAGE_MODEL_SETTINGS, type LanguageModelSettings } from '../llm/settingsSchema';
import { budgetSpent, currentUsage, usedTokens } from '../llm/tokenBudget';
import { MissingSecretsError, SecretKeyMismatchError } from '../secrets';

/**
 * Organisation settings → Language model. Keys go into the secret vault (bound to the provider's
 * host) and never come back out: answers say only whether a key is stored.
 */
export function createLanguageModelRouter(deps: AppDeps): ContractRouter {
  const router = new ContractRouter('/api/settings/language-model');
  const vault = vaultOf(deps);
  router.use(requireRole('admin'), ...jsonBody('64kb'));

  async function storedKey(providerId: string): Promise<string | null> {
    try {
      return (await vault.resolveTracked(apiKeyPlaceholder(providerId))).used[0]?.value || null;
    } catch (err) {
      if (err instanceof MissingSecretsError) return null;
      if (err instanceof SecretKeyMismatchError) throw new HttpError(503, 'secret_key_mismatch', err.message);
      throw err;
    }
  }

  async function view() {
    const stored = await deps.stores.settings.get();
    const settings = stored.languageModel ?? DEFAULT_LANGUAGE_MODEL_SETTINGS;
    const names = new Set(await vault.names());
    const usage = currentUsage(stored.languageModelUsage, deps.clock());
    return {
      ...settings,
      providers: settings.providers.map((p) => ({ ...p, apiKeySet: names.has(apiKeySecretName(p.id)) })),
      usage: { month: usage.month, usedTokens: usedTokens(usage), budgetSpent: budgetSpent(usage, settings.monthlyTokenBudget), noticeAt: usage.noticeAt },
    };
  }

  router.on(languageModelRoutes.get).reply(async () => ({ status: 200, body: await view() }));

  router.on(languageModelRoutes.replace).reply(async ({ body, req }) => {
    const before = (await deps.stores.settings.get()).languageModel ?? DEFAULT_LANGUAGE_MODEL_SETTINGS;
    const keysChanged: string[] = [];
    for (const input of body.providers) {
      const name = apiKeySecretName(input.id);
      const host = new URL(input.baseUrl).hostname.toLowerCase();
      try {
        if (input.apiKey === null || input.apiKey === '') {
          if (await vault.delete(name)) keysChanged.push(input.id);
        } else if (input.apiKey !== undefined) {
          await vault.set(name, input.apiKey, [host]);
          keysChanged.push(input.id);
        } else if ((await vault.names()).includes(name)) {
          // The key may follow the provider to its new address, and nowhere else.
          await vault.setHosts(name, [host]);
        }
      } catch (err) {
        if (err instanceof SecretKeyMismatchError) throw new HttpError(503, 'secret_key_mismatch', err.message);
        throw err;
      }
    }
    // A removed provider's key goes with it.
    for (const old of before.providers) {
      if (!body.providers.some((p) => p.id === old.id) && (await vault.delete(apiKeySecretName(old.id)))) keysChanged.push(old.id);
    }
    const next: LanguageModelSettings = {
      providers: body.providers.map(({ apiKey: _key, ...provider }) => provider),
      defaultProviderId: body.defaultProviderId !== null && body.providers.some((p) => p.id === body.defaultProviderId) ? body.defaultProviderId : null,
      maskPersonalData: body.maskPersonalData,
      monthlyTokenBudget: body.monthlyTokenBudget,
    };
    const stored = await deps.stores.settings.get();
    const usage = stored.languageModelUsage;
    // A raised budget clears this month's notice, so admins hear again when the new one is spent.
    const resetNotice = usage?.noticeAt && next.monthlyTokenBudget !== before.monthlyTokenBudget ? { languageModelUsage: { ...usage, noticeAt: null } } : {};
    await deps.stores.settings.set({ ...stored, languageModel: next, ...resetNotice });
    await recordAudit(deps, req, 'languageModel.update', null, {
      providers: next.providers.map((p) => `${p.id} (${p.model})`).join(', '),
      maskPersonalData: next.maskPersonalData,
      monthlyTokenBudget: next.monthlyTokenBudget,
      ...(keysChanged.length > 0 ? { apiKeysChanged: keysChanged.join(', ') } : {}),
    });
    return { status: 200, body: await view() };
  });

  router.on(languageModelRoutes.test).reply(async ({ body: { provider } }) => {
    const { apiKey, ...settings } = provider;
    const key = apiKey === undefined ? await storedKey(provider.id) : apiKey || null;
    const started = Date.now();
    const result = await languageModelOf(deps).test(settings, key);
    const durationMs = Date.now() - started;
    return {
      status: 200,
      body: result.ok ? { ok: true, answer: result.answer.text.slice(0, 200), durationMs } : { ok: false, reason: result.reason, detail: result.detail, durationMs },
    };
  });

  return router;
}
