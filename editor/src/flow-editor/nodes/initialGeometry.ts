import { Position, type NodeHandle } from '@xyflow/react';
import { outputHandles, type FlowNode } from '@switchboard/runtime';
import { KINDS } from '../kinds';
import { NODE_WIDTH } from './nodeSize';

/**
 * A card's size and handle positions guessed from its data, before React Flow has measured it.
 *
 * React Flow renders every node that has no handle bounds yet, visible or not, just to measure
 * it: opening a 1,000-node flow mounted (and then unmounted) 1,000 cards. With these guesses
 * only the cards on screen mount; the rest are measured when they scroll into view, and the
 * store drops the guessed handles as soon as a real measurement arrives. Until then the guesses
 * only place the off-screen end of edges, so being a few pixels out is harmless.
 *
 * The figures are the card CSS in nodes.css, measured in Chromium at the default font size.
 */
const HEAD = 34;
const LINE = 16.8;
const BODY_PADDING = 8;
const ROW = 22.8;
const ROWS_PADDING = 8.8;
const HANDLE = 10;
/** Handles sit half outside the card; these are their top-left corners relative to the card. */
const IN_X = -4;
const EDGE_OUT_X = NODE_WIDTH - 6;
const ROW_OUT_X = NODE_WIDTH;
/** The last row's handle sits this far above the card's bottom edge. */
const LAST_ROW_FROM_BOTTOM = 21.4;

export interface InitialGeometry {
  initialWidth: number;
  initialHeight: number;
  handles: NodeHandle[];
}

export function initialGeometry(node: FlowNode): InitialGeometry {
  const layout = KINDS[node.type].geometry;
  const outputs = layout.outputs === 'none' ? [] : outputHandles(node);
  const body = layout.lines > 0 ? layout.lines * LINE + BODY_PADDING : 0;
  const rows = layout.outputs === 'rows' && outputs.length > 0 ? ROWS_PADDING + ROW * outputs.length : 0;
  const height = Math.round((HEAD + body + rows) * 10) / 10;
  const middle = height / 2 - HANDLE / 2;
  const handles: NodeHandle[] = [];
  if (layout.hasInput) handles.push({ id: null, type: 'target', position: Position.Left, x: IN_X, y: middle, width: HANDLE, height: HANDLE });
  if (layout.outputs === 'edge') {
    for (const id of outputs) handles.push({ id, type: 'source', position: Position.Right, x: EDGE_OUT_X, y: middle, width: HANDLE, height: HANDLE });
  } else if (layout.outputs === 'rows') {
    outputs.forEach((id, i) => {
      const y = height - LAST_ROW_FROM_BOTTOM - ROW * (outputs.length - 1 - i);
      handles.push({ id, type: 'source', position: Position.Right, x: ROW_OUT_X, y, width: HANDLE, height: HANDLE });
    });
  }
  return { initialWidth: NODE_WIDTH, initialHeight: height, handles };
}
