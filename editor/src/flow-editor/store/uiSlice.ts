import type { StateCreator } from 'zustand';
import type { EditorState, UiSlice } from './state';
import type { Problem, ProblemCount } from './types';

export function countByNode(problems: readonly Problem[]): Map<string, ProblemCount> {
  const map = new Map<string, ProblemCount>();
  for (const p of problems) {
    if (!p.nodeId) continue;
    const c = map.get(p.nodeId) ?? { errors: 0, warnings: 0 };
    if (p.severity === 'error') c.errors++;
    else c.warnings++;
    map.set(p.nodeId, c);
  }
  return map;
}

export const createUiSlice: StateCreator<EditorState, [], [], UiSlice> = (set, get) => ({
  problems: [],
  problemsByNode: new Map(),
  setProblems(problems) {
    set({ problems, problemsByNode: countByNode(problems) });
  },
  findOpen: false,
  setFindOpen(open) {
    set({ findOpen: open });
  },
  quickAdd: null,
  setQuickAdd(quickAdd) {
    set({ quickAdd });
  },
  selectMode: false,
  setSelectMode(selectMode) {
    set({ selectMode });
  },
  viewRequest: null,
  requestFitView() {
    set({ viewRequest: { kind: 'fit', seq: (get().viewRequest?.seq ?? 0) + 1 } });
  },
});
