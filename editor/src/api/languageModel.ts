import type { contract, RequestBody, ResponseBody } from '../../../api/src/contract';
import { request } from './http';

export type LanguageModelView = ResponseBody<typeof contract.languageModel.get, 200>;
export type LanguageModelInput = RequestBody<typeof contract.languageModel.replace>;
export type ProviderInput = LanguageModelInput['providers'][number];
export type ConnectionTestResult = ResponseBody<typeof contract.languageModel.test, 200>;

export const languageModel = {
  async get(): Promise<LanguageModelView> {
    return (await request<LanguageModelView>('GET', '/api/settings/language-model')).data;
  },
  /** Throws `ApiError` 400 with `details` naming the offending fields. */
  async save(next: LanguageModelInput): Promise<LanguageModelView> {
    return (await request<LanguageModelView>('PUT', '/api/settings/language-model', { body: next })).data;
  },
  async test(provider: ProviderInput): Promise<ConnectionTestResult> {
    return (await request<ConnectionTestResult>('POST', '/api/settings/language-model/test', { body: { provider } })).data;
  },
};
