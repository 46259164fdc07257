import { create } from 'zustand';
import type { FlowDocument } from '@switchboard/runtime';
import { api } from '../../api';

/** The flow's live version as the server last said, for the status in the top bar. */
export interface LiveState {
  flowId: string | null;
  publishedVersion: number | null;
  liveFlow: FlowDocument | null;
  loaded: boolean;
  refresh(flowId: string): Promise<void>;
}

export const useLiveStore = create<LiveState>()((set, get) => ({
  flowId: null,
  publishedVersion: null,
  liveFlow: null,
  loaded: false,
  async refresh(flowId) {
    if (get().flowId !== flowId) set({ flowId, publishedVersion: null, liveFlow: null, loaded: false });
    const detail = await api.flows.get(flowId);
    const n = detail.publishedVersion;
    const liveFlow = n === null ? null : (await api.versions.get(flowId, n)).flow;
    if (get().flowId === flowId) set({ publishedVersion: n, liveFlow, loaded: true });
  },
}));
