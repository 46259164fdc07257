import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { usePreviewStore } from './previewStore';

/**
 * Pans the canvas to the step the preview stands on when it is out of sight, keeping the zoom
 * the author chose; a step already on screen leaves the view alone.
 */
export function FollowCurrentNode() {
  const rf = useReactFlow();
  const current = usePreviewStore((s) => (s.panel === 'preview' && s.view === null ? s.currentNodeId : null));
  useEffect(() => {
    if (current === null) return;
    const node = rf.getInternalNode(current);
    const pane = document.querySelector('.fe-canvas .sb-canvas')?.getBoundingClientRect();
    if (!node || !pane) return;
    // A card of a large flow that was never on screen is not measured yet: use its guessed size.
    const w = node.measured.width ?? node.initialWidth ?? 0;
    const h = node.measured.height ?? node.initialHeight ?? 0;
    const p = node.internals.positionAbsolute;
    const topLeft = rf.flowToScreenPosition(p);
    const bottomRight = rf.flowToScreenPosition({ x: p.x + w, y: p.y + h });
    const visible = topLeft.x >= pane.left && topLeft.y >= pane.top && bottomRight.x <= pane.right && bottomRight.y <= pane.bottom;
    if (!visible) void rf.setCenter(p.x + w / 2, p.y + h / 2, { zoom: rf.getZoom(), duration: 250 });
  }, [current, rf]);
  return null;
}
