import { create } from 'zustand';
import { jsonEqual, type FlowDocument } from '@switchboard/runtime';
import { api, isApiError } from '../../api';
import type { EditorEdge, EditorNode } from '../store/types';

export interface NodeTraffic {
  entered: number;
  droppedHere: number;
}

export type OverlayState =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'unpublished' }
  | { status: 'error'; message: string }
  | {
      status: 'on';
      version: number;
      from: string;
      to: string;
      started: number;
      /** By node id: null-prototype keys are the flow's own ids. */
      nodes: ReadonlyMap<string, NodeTraffic>;
      /** By `source\u0000handle`. */
      edges: ReadonlyMap<string, number>;
      /** The draft's steps or connections are not those of the version whose data is shown. */
      draftDiffers: boolean;
    };

interface OverlayStore {
  state: OverlayState;
  setState(state: OverlayState): void;
}

export const useOverlayStore = create<OverlayStore>()((set) => ({
  state: { status: 'off' },
  setState: (state) => set({ state }),
}));

// Only what decides where traffic goes: positions, selection and measurements do not count.
const shapeOf = (nodes: readonly { id: string; type: string; data: unknown }[], edges: readonly { id: string; source: string; sourceHandle?: string | null; target: string }[]) => ({
  nodes: [...nodes].map((n) => ({ id: n.id, type: n.type, data: n.data })).sort((a, b) => a.id.localeCompare(b.id)),
  edges: [...edges].map((e) => ({ source: e.source, sourceHandle: e.sourceHandle ?? null, target: e.target })).sort((a, b) => `${a.source}${a.sourceHandle}${a.target}`.localeCompare(`${b.source}${b.sourceHandle}${b.target}`)),
});

export function draftDiffers(version: FlowDocument, nodes: readonly EditorNode[], edges: readonly EditorEdge[]): boolean {
  return !jsonEqual(shapeOf(version.nodes, version.edges), shapeOf(nodes, edges));
}

/** Turns the overlay on for the live version's last 30 days, or off. */
export async function toggleOverlay(flowId: string, draft: () => { nodes: readonly EditorNode[]; edges: readonly EditorEdge[] }): Promise<void> {
  const { state, setState } = useOverlayStore.getState();
  if (state.status !== 'off') return setState({ status: 'off' });
  setState({ status: 'loading' });
  try {
    const live = (await api.versions.list(flowId)).find((v) => v.live);
    if (!live) return setState({ status: 'unpublished' });
    const [paths, version] = await Promise.all([api.analytics.paths(flowId, live.number), api.versions.get(flowId, live.number)]);
    if (useOverlayStore.getState().state.status !== 'loading') return;
    const { nodes, edges } = draft();
    setState({
      status: 'on',
      version: live.number,
      from: paths.from,
      to: paths.to,
      started: paths.started,
      nodes: new Map(paths.nodes.map((n) => [n.nodeId, { entered: n.entered, droppedHere: n.droppedHere }])),
      edges: new Map(paths.edges.map((e) => [`${e.source}\u0000${e.sourceHandle}`, e.conversations])),
      draftDiffers: draftDiffers(version.flow, nodes, edges),
    });
  } catch (err) {
    if (useOverlayStore.getState().state.status === 'loading') setState({ status: 'error', message: isApiError(err) ? err.message : String(err) });
  }
}
