import type { Logger } from 'pino';
import type { LanguageModel, ModelRequest, ModelResult } from '../../../runtime/src/knowledge/languageModel';
import type { SettingsStore } from '../storage/settingsStore';
import type { AuditLog } from '../storage/auditLog';
import { MissingSecretsError, type SecretVault } from '../secrets';
import type { ChatCompletionsClient } from './chatCompletions';
import { apiKeyPlaceholder } from './apiKeySecret';
import { DEFAULT_LANGUAGE_MODEL_SETTINGS, type LanguageModelProvider, type LanguageModelSettings } from './settingsSchema';
import { budgetSpent, currentUsage, usedTokens } from './tokenBudget';

export interface LanguageModelServiceDeps {
  settings: SettingsStore;
  vault: SecretVault;
  client: ChatCompletionsClient;
  audit: AuditLog;
  logger: Logger;
  clock: () => number;
}

export interface OrganisationLanguageModel extends LanguageModel {
  /** The settings in force, for the answer step (masking) and the settings page. */
  settings(): Promise<LanguageModelSettings>;
  /** Sends one short request to a provider as configured (saved or about to be), for "Test connection". */
  test(provider: LanguageModelProvider, apiKey: string | null): Promise<ModelResult>;
}

export function pickProvider(settings: LanguageModelSettings, providerId: string | undefined): LanguageModelProvider | undefined {
  if (providerId !== undefined) return settings.providers.find((p) => p.id === providerId);
  return settings.providers.find((p) => p.id === settings.defaultProviderId) ?? settings.providers[0];
}

/**
 * The organisation's language model: picks the configured provider, reads its key from the
 * vault, keeps the monthly token budget and tells admins (audit entry, log line, the settings
 * page) once the budget is spent; after that every request is `budgetSpent` until the month ends
 * or the budget is raised.
 */
export function createOrganisationLanguageModel(deps: LanguageModelServiceDeps): OrganisationLanguageModel {
  const { logger } = deps;
  // Usage writes one after another, so concurrent answers never lose each other's tokens.
  let writing: Promise<void> = Promise.resolve();

  async function readSettings(): Promise<LanguageModelSettings> {
    return (await deps.settings.get()).languageModel ?? DEFAULT_LANGUAGE_MODEL_SETTINGS;
  }

  async function apiKeyOf(providerId: string): Promise<string | null> {
    try {
      const { used } = await deps.vault.resolveTracked(apiKeyPlaceholder(providerId));
      return used[0]?.value || null;
    } catch (err) {
      if (err instanceof MissingSecretsError) return null;
      throw err;
    }
  }

  async function tellAdmins(budget: number, used: number): Promise<void> {
    await deps.audit.append({
      at: deps.clock(),
      actor: { kind: 'system', id: null, name: 'language model' },
      action: 'languageModel.budgetSpent',
      target: null,
      detail: { budget, used },
    });
    logger.warn({ llm: { budget, used } }, 'language model monthly token budget spent; answer steps take their error output until next month');
  }

  function record(tokens: { promptTokens: number; completionTokens: number }, budget: number | null): Promise<void> {
    writing = writing
      .then(async () => {
        const stored = await deps.settings.get();
        const usage = currentUsage(stored.languageModelUsage, deps.clock());
        const next = { ...usage, promptTokens: usage.promptTokens + tokens.promptTokens, completionTokens: usage.completionTokens + tokens.completionTokens };
        const crossed = budget !== null && next.noticeAt === null && budgetSpent(next, budget);
        if (crossed) next.noticeAt = new Date(deps.clock()).toISOString();
        await deps.settings.set({ ...(await deps.settings.get()), languageModelUsage: next });
        if (crossed) await tellAdmins(budget, usedTokens(next));
      })
      .catch((err: unknown) => logger.error({ err }, 'language model usage could not be recorded'));
    return writing;
  }

  return {
    settings: readSettings,

    async complete(request: ModelRequest): Promise<ModelResult> {
      const settings = await readSettings();
      const provider = pickProvider(settings, request.providerId);
      if (!provider) {
        const detail = request.providerId ? `no provider "${request.providerId}" is configured` : 'no language model is configured (Organisation settings → Language model)';
        logger.warn({ llm: { reason: 'notConfigured', providerId: request.providerId ?? null } }, 'language model request failed: notConfigured');
        return { ok: false, reason: 'notConfigured', detail };
      }
      const usage = currentUsage((await deps.settings.get()).languageModelUsage, deps.clock());
      if (budgetSpent(usage, settings.monthlyTokenBudget)) {
        logger.warn({ llm: { reason: 'budgetSpent', provider: provider.id, budget: settings.monthlyTokenBudget, used: usedTokens(usage) } }, 'language model request failed: budgetSpent');
        return { ok: false, reason: 'budgetSpent', detail: 'the monthly token budget is spent' };
      }
      const result = await deps.client.complete({
        provider,
        apiKey: await apiKeyOf(provider.id),
        messages: request.messages,
        maxTokens: Math.min(request.maxTokens ?? provider.maxAnswerTokens, provider.maxAnswerTokens),
        ...(request.onDelta ? { onDelta: request.onDelta } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
      if (result.ok) await record(result.answer.usage, settings.monthlyTokenBudget);
      return result;
    },

    test(provider, apiKey) {
      return deps.client.complete({
        provider,
        apiKey,
        messages: [{ role: 'user', content: 'Reply with the single word: ready' }],
        maxTokens: 32,
      });
    },
  };
}
