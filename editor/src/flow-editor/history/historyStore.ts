import { create } from 'zustand';
import { api, type VersionSummary } from '../../api';

export interface HistoryState {
  flowId: string | null;
  versions: VersionSummary[];
  status: 'idle' | 'loading' | 'ready' | 'failed';
  load(flowId: string): Promise<void>;
}

export const useHistoryStore = create<HistoryState>()((set, get) => ({
  flowId: null,
  versions: [],
  status: 'idle',
  async load(flowId) {
    set({ flowId, status: 'loading', ...(get().flowId === flowId ? {} : { versions: [] }) });
    try {
      const versions = await api.versions.list(flowId);
      // Newest first: the one a person most often looks for is the last release.
      if (get().flowId === flowId) set({ versions: [...versions].sort((a, b) => b.number - a.number), status: 'ready' });
    } catch {
      if (get().flowId === flowId) set({ status: 'failed' });
    }
  },
}));
