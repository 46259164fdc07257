import { useCallback } from 'react';
import type { NodeData, NodeKind } from '@switchboard/runtime';
import { useEditorStore } from '../store';

/** Optional fields cleared in a form are removed, not saved as `undefined` or empty strings. */
function withoutUndefined<T extends object>(obj: T): T {
  const out = { ...obj };
  for (const key of Object.keys(out) as (keyof T)[]) if (out[key] === undefined) delete out[key];
  return out;
}

/**
 * Returns a patcher for one node's data. It reads the node at call time, not render time, so
 * two quick edits never overwrite each other with a stale copy.
 */
export function usePatchNodeData<K extends NodeKind>(nodeId: string): (patch: Partial<NodeData<K>>) => void {
  return useCallback(
    (patch) => {
      const s = useEditorStore.getState();
      const node = s.nodeById.get(nodeId);
      if (!node) return;
      s.updateNodeData(nodeId, withoutUndefined({ ...(node.data as NodeData<K>), ...patch }));
    },
    [nodeId],
  );
}

/** Empty input means "not set" for optional text fields. */
export function optionalText(value: string): string | undefined {
  return value === '' ? undefined : value;
}

/** Empty input means "not set" for optional numbers; anything unparseable is ignored. */
export function optionalInt(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : undefined;
}
