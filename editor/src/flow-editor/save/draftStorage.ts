import { del, get, set } from 'idb-keyval';
import type { FlowDocument } from '@switchboard/runtime';

export interface LocalDraft {
  document: FlowDocument;
  /** The server revision the draft was edited from; restoring saves against it, so a newer server copy raises the conflict dialog instead of being overwritten. */
  baseRevision: number | null;
  savedAt: number;
}

export interface DraftStore {
  get(flowId: string): Promise<LocalDraft | undefined>;
  set(flowId: string, draft: LocalDraft): Promise<void>;
  remove(flowId: string): Promise<void>;
}

export const draftKey = (flowId: string) => `draft:${flowId}`;

/** IndexedDB survives crashes and reloads and holds far more than localStorage's few MB. */
export const idbDraftStore: DraftStore = {
  get: (flowId) => get<LocalDraft>(draftKey(flowId)),
  set: (flowId, draft) => set(draftKey(flowId), draft),
  remove: (flowId) => del(draftKey(flowId)),
};
