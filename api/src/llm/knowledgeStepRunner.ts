import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { KnowledgeRetriever } from '../../../runtime/src/knowledge/retrieval';
import type { KnowledgeStepRequest } from '../../../runtime/src/engine/types';
import { answerFromKnowledge, type KnowledgeAnswerResult } from '../../../runtime/src/knowledge/answerFromKnowledge';
import type { KnowledgeStepRunner } from '../../../runtime/src/server/chat/knowledgeSteps';
import type { OrganisationLanguageModel } from './languageModelService';
import { DEFAULT_LANGUAGE_MODEL_SETTINGS } from './settingsSchema';

/** A streaming draft goes to the customer at most this often; a withdrawal goes at once. */
const DRAFT_INTERVAL_MS = 60;

export interface KnowledgeAnswerServices {
  retriever: KnowledgeRetriever;
  model: OrganisationLanguageModel;
  logger: Logger;
}

/** Runs the step's pipeline with the organisation's masking setting; shared by chat turns and the editor's preview. Never throws. */
export async function runKnowledgeAnswer(
  services: KnowledgeAnswerServices,
  request: KnowledgeStepRequest,
  ctx: { flowId: string; flowVersion?: number; nodeId: string; onDraft?: (text: string | null) => void },
): Promise<KnowledgeAnswerResult> {
  const { logger } = services;
  let maskPersonalData = DEFAULT_LANGUAGE_MODEL_SETTINGS.maskPersonalData;
  try {
    maskPersonalData = (await services.model.settings()).maskPersonalData;
  } catch (err) {
    // Masking stays on: the safe default when the setting cannot be read.
    logger.error({ err }, 'language model settings could not be read; masking personal data');
  }
  const result = await answerFromKnowledge(
    request,
    { retriever: services.retriever, model: services.model, maskPersonalData, nonce: () => randomBytes(8).toString('hex') },
    {
      flowId: ctx.flowId,
      ...(ctx.flowVersion !== undefined ? { flowVersion: ctx.flowVersion } : {}),
      ...(ctx.onDraft ? { onDraft: throttled(ctx.onDraft) } : {}),
    },
  );
  const log = {
    knowledge: {
      flowId: ctx.flowId,
      flowVersion: ctx.flowVersion ?? null,
      nodeId: ctx.nodeId,
      outcome: result.outcome,
      ...(result.outcome === 'answered' ? { sources: result.sources.length } : { reason: result.reason }),
      passages: result.trace.passages.length,
      maskedItems: result.trace.masked,
    },
  };
  if (result.outcome === 'error') logger.warn({ ...log, detail: result.detail }, `answer from knowledge: error (${result.reason})`);
  else logger.info(log, `answer from knowledge: ${result.outcome}${result.outcome === 'noAnswer' ? ` (${result.reason})` : ''}`);
  return result;
}

function throttled(send: (text: string | null) => void): (text: string | null) => void {
  let last = 0;
  let lastSent: string | null | undefined;
  return (text) => {
    const at = Date.now();
    if (text !== null && (text === '' || text === lastSent || at - last < DRAFT_INTERVAL_MS)) return;
    if (text === null && lastSent === undefined) return;
    last = at;
    lastSent = text;
    send(text);
  };
}

export function knowledgeStepRunner(services: KnowledgeAnswerServices): KnowledgeStepRunner {
  return async (request, meta) => {
    try {
      const result = await runKnowledgeAnswer(services, request, meta);
      if (result.outcome === 'answered') return { outcome: 'answered', text: result.text, sources: result.sources };
      return { outcome: result.outcome, reason: result.reason };
    } catch (err) {
      services.logger.error({ err, nodeId: meta.nodeId }, 'answer from knowledge failed');
      return { outcome: 'error', reason: 'internal' };
    }
  };
}
