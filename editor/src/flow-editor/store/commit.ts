import type { EditorState, GetState, SetState } from './state';
import type { Snapshot } from './types';
import { scheduleValidation } from './validation';

export const MAX_HISTORY = 100;
/** Keystrokes in one field closer together than this become one undo step. */
export const COALESCE_MS = 1000;

export function snapshotOf(s: Pick<EditorState, 'nodes' | 'edges' | 'meta'>): Snapshot {
  return { nodes: s.nodes, edges: s.edges, meta: s.meta };
}

export function rebuildNodeById(map: Map<string, EditorState['nodes'][number]>, nodes: EditorState['nodes']): void {
  map.clear();
  for (const n of nodes) map.set(n.id, n);
}

export interface CommitOptions {
  /** Same key within COALESCE_MS of the previous commit: no new undo step. */
  coalesceKey?: string;
  /** The state to return to on undo, when it is not the current one (a drag's start). */
  origin?: Snapshot;
}

/**
 * The single way a document change enters the store: records the undo step, bumps the change
 * counter that autosave watches, keeps `nodeById` in step and re-runs the validator.
 */
export function commit(
  set: SetState,
  get: GetState,
  next: Partial<Pick<EditorState, 'nodes' | 'edges' | 'meta'>> & Partial<EditorState>,
  opts: CommitOptions = {},
): void {
  const s = get();
  const now = Date.now();
  const coalesce =
    opts.coalesceKey !== undefined && s.coalesceKey === opts.coalesceKey && now - s.coalesceAt < COALESCE_MS;
  const history: Partial<EditorState> = coalesce
    ? { coalesceAt: now }
    : {
        past: [...s.past, opts.origin ?? snapshotOf(s)].slice(-MAX_HISTORY),
        future: [],
        canUndo: true,
        canRedo: false,
        coalesceKey: opts.coalesceKey ?? null,
        coalesceAt: now,
      };
  if (next.nodes && next.nodes !== s.nodes) syncNodeById(s.nodeById, s.nodes, next.nodes);
  set({ ...next, ...history, changeCounter: s.changeCounter + 1 });
  scheduleValidation(get);
}

/** Updates the lookup for the nodes that differ between two arrays, without a full rebuild. */
export function syncNodeById(
  map: Map<string, EditorState['nodes'][number]>,
  prev: EditorState['nodes'],
  next: EditorState['nodes'],
): void {
  if (next.length < prev.length || map.size !== prev.length) {
    const keep = new Set<string>();
    for (const n of next) keep.add(n.id);
    for (const id of map.keys()) if (!keep.has(id)) map.delete(id);
  }
  for (const n of next) if (map.get(n.id) !== n) map.set(n.id, n);
}
