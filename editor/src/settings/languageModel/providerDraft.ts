import type { LanguageModelView, ProviderInput } from '../../api';

/** One provider as the form edits it: numbers as typed, the key only when a new one is typed. */
export interface ProviderDraft {
  id: string;
  name: string;
  baseUrl: string;
  model: string;
  timeoutSeconds: string;
  maxAnswerTokens: string;
  /** A new key; empty keeps the stored one (unless `removeKey`). */
  apiKey: string;
  apiKeySet: boolean;
  removeKey: boolean;
}

export function draftOf(p: LanguageModelView['providers'][number]): ProviderDraft {
  return { ...p, timeoutSeconds: String(p.timeoutSeconds), maxAnswerTokens: String(p.maxAnswerTokens), apiKey: '', removeKey: false };
}

/** A fresh provider with the next free id (`p1`, `p2`, …), set up for OpenAI's API by default. */
export function newDraft(taken: readonly string[]): ProviderDraft {
  let n = 1;
  while (taken.includes(`p${n}`)) n++;
  return { id: `p${n}`, name: '', baseUrl: 'https://api.openai.com/v1', model: '', timeoutSeconds: '30', maxAnswerTokens: '600', apiKey: '', apiKeySet: false, removeKey: false };
}

/** What the API takes: a typed key is sent, a removed one as null, an untouched one left out. */
export function inputOf(d: ProviderDraft): ProviderInput {
  const key = d.removeKey ? { apiKey: null } : d.apiKey.trim() ? { apiKey: d.apiKey.trim() } : {};
  return {
    id: d.id,
    name: d.name.trim(),
    baseUrl: d.baseUrl.trim(),
    model: d.model.trim(),
    timeoutSeconds: Number(d.timeoutSeconds),
    maxAnswerTokens: Number(d.maxAnswerTokens),
    ...key,
  };
}
