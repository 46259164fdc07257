import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import type { ActionContext } from '../actions/types';

const FIELD_SELECTOR = 'input:not([disabled]):not([type=hidden]), textarea:not([disabled]), select:not([disabled]), [contenteditable=true]';

/** Bridges actions to the live canvas (viewport, focus) without putting either in the store. */
export function useActionContext(): ActionContext {
  const rf = useReactFlow();
  return useMemo<ActionContext>(
    () => ({
      fitView: () => void rf.fitView({ padding: 0.15, maxZoom: 1, duration: 200 }),
      viewCenter: () => {
        const box = document.querySelector('.sb-canvas')?.getBoundingClientRect();
        if (!box) return { x: 0, y: 0 };
        return rf.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
      },
      focusedNodeId: () => {
        const el = document.activeElement;
        return el instanceof Element ? (el.closest('.react-flow__node')?.getAttribute('data-id') ?? null) : null;
      },
      focusInspector: () => {
        // Two frames: the selection re-renders the inspector before its fields exist.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            document.querySelector<HTMLElement>(`[data-inspector-slot] :is(${FIELD_SELECTOR})`)?.focus();
          }),
        );
      },
    }),
    [rf],
  );
}
