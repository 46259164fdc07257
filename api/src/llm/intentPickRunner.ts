import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { IntentPickRequest } from '../../../runtime/src/engine/types';
import type { ModelMessage } from '../../../runtime/src/knowledge/languageModel';
import { buildIntentPickPrompt, readIntentPick } from '../../../runtime/src/knowledge/intentPickPrompt';
import { maskForModel } from '../../../runtime/src/knowledge/maskForModel';
import type { IntentPickOutcome, IntentPickRunner } from '../../../runtime/src/server/chat/intentPickSteps';
import type { OrganisationLanguageModel } from './languageModelService';
import { DEFAULT_LANGUAGE_MODEL_SETTINGS } from './settingsSchema';

/** An intent id is at most 64 characters; a little room for whitespace, never an essay. */
const MAX_PICK_TOKENS = 32;

export interface IntentPickServices {
  model: OrganisationLanguageModel;
  logger: Logger;
}

export interface IntentPickTrace {
  /** What was sent (after masking), for the editor preview. */
  sent: ModelMessage[];
  raw: string | null;
  masked: number;
}

/**
 * Asks the organisation's model which of the step's intents the message means, within the step's
 * time budget; shared by chat turns and the editor's preview. Never throws: a timeout, a failure
 * or a reply that is not exactly one id is a null pick with a reason, and a log line.
 */
export async function runIntentPick(
  services: IntentPickServices,
  request: IntentPickRequest,
  ctx: { flowId: string; flowVersion?: number; nodeId: string },
): Promise<IntentPickOutcome & { trace: IntentPickTrace }> {
  const { logger } = services;
  let maskPersonalData = DEFAULT_LANGUAGE_MODEL_SETTINGS.maskPersonalData;
  try {
    maskPersonalData = (await services.model.settings()).maskPersonalData;
  } catch (err) {
    // Masking stays on: the safe default when the setting cannot be read.
    logger.error({ err }, 'language model settings could not be read; masking personal data');
  }
  const masked = maskPersonalData ? maskForModel(request.text) : { text: request.text, masked: 0 };
  const sent = buildIntentPickPrompt(request, masked.text, randomBytes(8).toString('hex'));
  const ids = request.intents.map((i) => i.id);
  const log = { intentPick: { flowId: ctx.flowId, flowVersion: ctx.flowVersion ?? null, nodeId: ctx.nodeId, maskedItems: masked.masked } };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const result = await services.model.complete({ messages: sent, maxTokens: MAX_PICK_TOKENS, signal: controller.signal });
    if (!result.ok) {
      const reason = controller.signal.aborted ? 'timeout' : result.reason;
      logger.warn({ ...log, detail: result.detail }, `intent tie-break: no pick (${reason})`);
      return { pick: null, reason, trace: { sent, raw: null, masked: masked.masked } };
    }
    const raw = result.answer.text;
    const read = readIntentPick(raw, ids);
    if ('refused' in read) {
      logger.warn(log, 'intent tie-break: the reply was not one of the intent ids');
      return { pick: null, reason: 'notAnIntent', trace: { sent, raw, masked: masked.masked } };
    }
    logger.info({ ...log, pick: read.pick }, `intent tie-break: ${read.pick === null ? 'none' : 'picked'}`);
    return { ...(read.pick === null ? { pick: null } : { pick: read.pick }), trace: { sent, raw, masked: masked.masked } };
  } catch (err) {
    const reason = controller.signal.aborted ? 'timeout' : 'internal';
    logger.warn({ ...log, err }, `intent tie-break: no pick (${reason})`);
    return { pick: null, reason, trace: { sent, raw: null, masked: masked.masked } };
  } finally {
    clearTimeout(timer);
  }
}

export function intentPickRunner(services: IntentPickServices): IntentPickRunner {
  return async (request, meta) => {
    const { trace: _trace, ...outcome } = await runIntentPick(services, request, meta);
    return outcome;
  };
}
