import type { ReactFlowInstance } from '@xyflow/react';

/**
 * Pans the canvas so a card is in sight, keeping the zoom the author chose; a card already on
 * screen leaves the view alone. Used by the preview and the conversation replay to follow a step.
 */
export function panIntoView(rf: ReactFlowInstance, nodeId: string): void {
  const node = rf.getInternalNode(nodeId);
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
}
