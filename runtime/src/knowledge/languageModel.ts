/**
 * The seam between the "Answer from knowledge" step (and the intent step's optional tie-break) and
 * the organisation's language model. The server implements it with an OpenAI-compatible
 * chat-completions client over the guarded outbound client (api/src/llm); tests and flow tests
 * inject a stub. Only types here, so the runtime stays browser-safe.
 */

export interface ModelMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ModelRequest {
  /** Which configured provider answers; the organisation's default when absent. */
  providerId?: string;
  messages: readonly ModelMessage[];
  /** Upper bound on the answer's length, in tokens. */
  maxTokens?: number;
  /** Called with each piece of text as it streams in; absent for a non-streaming request. */
  onDelta?: (text: string) => void;
  signal?: AbortSignal;
}

export interface ModelAnswer {
  text: string;
  /** Tokens as the provider counted them (estimated when it does not say); they count against the monthly budget. */
  usage: { promptTokens: number; completionTokens: number };
  providerId: string;
  model: string;
}

/**
 * Why a request gave no answer. Every one ends in the step's `error` output with a log line that
 * names it; none carries the API key or the text sent.
 */
export type ModelFailureReason =
  | 'notConfigured'
  | 'timeout'
  | 'unavailable'
  | 'rateLimited'
  | 'budgetSpent'
  | 'brokenStream'
  | 'tooLong'
  | 'refusedAddress';

export type ModelResult = { ok: true; answer: ModelAnswer } | { ok: false; reason: ModelFailureReason; detail: string };

export interface LanguageModel {
  complete(request: ModelRequest): Promise<ModelResult>;
}
