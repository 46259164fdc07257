import { useEditorStore } from '../store';

/**
 * Deletes the connections that leave a removed option or branch, so no edge points out of a
 * handle that no longer exists on the card.
 */
export function removeHandleEdges(nodeId: string, handle: string): void {
  const s = useEditorStore.getState();
  const ids = s.edges.filter((e) => e.source === nodeId && e.sourceHandle === handle).map((e) => e.id);
  if (ids.length > 0) s.deleteElements([], ids);
}
