import type { MessageLink } from '../schema/nodes/message';
import type { KnowledgeStepRequest } from '../engine/types';
import type { KnowledgePassage, KnowledgeRetriever } from './retrieval';
import type { LanguageModel, ModelFailureReason, ModelMessage } from './languageModel';
import { buildPrompt, instructionLines } from './prompt';
import { checkAnswer, visibleDraft, type NoAnswerReason } from './answerCheck';
import { maskForModel } from './maskForModel';

/** What happened, for the editor's preview and the log: never shown to customers. */
export interface KnowledgeAnswerTrace {
  passages: KnowledgePassage[];
  /** The messages as sent (question masked when masking is on); null when nothing was sent. */
  sent: ModelMessage[] | null;
  /** Personal-data items replaced by placeholders in the question. */
  masked: number;
  /** The model's answer as it came, before the check; null without one. */
  raw: string | null;
}

export type KnowledgeAnswerResult = (
  | { outcome: 'answered'; text: string; sources: MessageLink[] }
  | { outcome: 'noAnswer'; reason: NoAnswerReason }
  | { outcome: 'error'; reason: ModelFailureReason | 'retrievalFailed'; detail: string }
) & { trace: KnowledgeAnswerTrace };

export interface KnowledgeAnswerDeps {
  retriever: KnowledgeRetriever;
  model: LanguageModel;
  maskPersonalData: boolean;
  /** A fresh random token per request (delimiters and leak detection). */
  nonce: () => string;
}

export interface KnowledgeAnswerContext {
  flowId?: string;
  flowVersion?: number;
  /** The customer-visible part of the answer so far, as it streams; '' while held back, null to withdraw it. */
  onDraft?: (text: string | null) => void;
  signal?: AbortSignal;
}

/** The cited passages' sources as links, each source once, in citation order; sources without a public link are left out. */
export function sourceLinks(passages: readonly KnowledgePassage[], cited: readonly number[]): MessageLink[] {
  const seen = new Set<string>();
  const links: MessageLink[] = [];
  for (const n of cited) {
    const p = passages[n - 1];
    if (!p || p.sourceUrl === null || seen.has(p.sourceId)) continue;
    seen.add(p.sourceId);
    links.push({ label: p.sourceTitle, url: p.sourceUrl });
  }
  return links;
}

/**
 * The "Answer from knowledge" step's work, with the retriever and the model injected: retrieve,
 * mask the question, ask with the passages as quoted data, check the answer. Never throws.
 */
export async function answerFromKnowledge(request: KnowledgeStepRequest, deps: KnowledgeAnswerDeps, ctx: KnowledgeAnswerContext = {}): Promise<KnowledgeAnswerResult> {
  let passages: KnowledgePassage[];
  try {
    passages = await deps.retriever.retrieve({
      text: request.question,
      limit: request.maxPassages,
      ...(request.sourceIds ? { sourceIds: request.sourceIds } : {}),
      ...(ctx.flowId !== undefined ? { flowId: ctx.flowId } : {}),
      ...(ctx.flowVersion !== undefined ? { flowVersion: ctx.flowVersion } : {}),
    });
  } catch (err) {
    return { outcome: 'error', reason: 'retrievalFailed', detail: (err as Error)?.message ?? String(err), trace: { passages: [], sent: null, masked: 0, raw: null } };
  }
  passages = passages.slice(0, request.maxPassages);
  if (passages.length === 0) return { outcome: 'noAnswer', reason: 'nothingRetrieved', trace: { passages, sent: null, masked: 0, raw: null } };

  const { text: question, masked } = deps.maskPersonalData ? maskForModel(request.question) : { text: request.question, masked: 0 };
  const nonce = deps.nonce();
  const promptInput = { question, passages, locale: request.locale, nonce, ...(request.tone ? { tone: request.tone } : {}) };
  const sent = buildPrompt(promptInput);
  // The tone is staff's own text; echoing it is no leak.
  const instructions = instructionLines({ locale: request.locale, nonce });
  let streamed = '';
  let withdrawn = false;
  const onDraft = ctx.onDraft;
  const result = await deps.model.complete({
    messages: sent,
    ...(request.providerId ? { providerId: request.providerId } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(onDraft
      ? {
          onDelta: (delta: string) => {
            if (withdrawn) return;
            streamed += delta;
            const draft = visibleDraft(streamed, instructions, nonce);
            if (draft === null) withdrawn = true;
            onDraft(draft);
          },
        }
      : {}),
  });
  const trace: KnowledgeAnswerTrace = { passages, sent, masked, raw: result.ok ? result.answer.text : null };
  if (!result.ok) return { outcome: 'error', reason: result.reason, detail: result.detail, trace };
  const checked = checkAnswer(result.answer.text, passages.length, instructions, nonce);
  if (!checked.ok) return { outcome: 'noAnswer', reason: checked.reason, trace };
  return { outcome: 'answered', text: checked.text, sources: sourceLinks(passages, checked.cited), trace };
}
