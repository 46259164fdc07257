import { useShallow } from 'zustand/react/shallow';
import { useOverlayStore } from './overlayStore';

/** One node's overlay figures, or null when the overlay is off: a card re-renders only when its own figures change. */
export function useNodeTraffic(nodeId: string): { entered: number; droppedHere: number; started: number } | null {
  return useOverlayStore(
    useShallow((s) => {
      if (s.state.status !== 'on') return null;
      const t = s.state.nodes.get(nodeId);
      return { entered: t?.entered ?? 0, droppedHere: t?.droppedHere ?? 0, started: s.state.started };
    }),
  );
}
