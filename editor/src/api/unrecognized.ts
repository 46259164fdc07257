import type { contract, RequestBody, ResponseBody } from '../../../api/src/contract';
import { request } from './http';

export type UnrecognizedList = ResponseBody<typeof contract.unrecognized.groups, 200>;
export type UnrecognizedGroup = UnrecognizedList['groups'][number];
export type ReviewReason = UnrecognizedGroup['reasons'][number];
export type PhraseTarget = RequestBody<typeof contract.unrecognized.add>['target'];

export interface UnrecognizedQuery {
  version?: number;
  nodeId?: string;
  reason?: ReviewReason;
  offset?: number;
  limit?: number;
}

/** A draft saved by an addition, or the revision someone else saved in the meantime. */
export type PhraseResult = { ok: true; revision: number } | { ok: false; conflict: { revision: number } };

const base = (flowId: string) => `/api/flows/${encodeURIComponent(flowId)}/unrecognized`;

function search(q: UnrecognizedQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) if (value !== undefined) params.set(key, String(value));
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}

async function phrase(path: string, revision: number, keys: string[], target: PhraseTarget): Promise<PhraseResult> {
  const res = await request<{ revision: number } | { current: { revision: number } }>('POST', path, { body: { revision, keys, target }, accept: [409] });
  if (res.status === 409) return { ok: false, conflict: { revision: (res.data as { current: { revision: number } }).current.revision } };
  return { ok: true, revision: (res.data as { revision: number }).revision };
}

export const unrecognized = {
  async groups(flowId: string, q: UnrecognizedQuery = {}): Promise<UnrecognizedList> {
    return (await request<UnrecognizedList>('GET', `${base(flowId)}/groups${search(q)}`)).data;
  },
  async dismiss(flowId: string, keys: string[]): Promise<void> {
    await request('POST', `${base(flowId)}/dismiss`, { body: { keys } });
  },
  async restore(flowId: string, keys: string[]): Promise<void> {
    await request('POST', `${base(flowId)}/restore`, { body: { keys } });
  },
  add: (flowId: string, revision: number, keys: string[], target: PhraseTarget) => phrase(`${base(flowId)}/add`, revision, keys, target),
  undoAdd: (flowId: string, revision: number, keys: string[], target: PhraseTarget) => phrase(`${base(flowId)}/undo-add`, revision, keys, target),
};
