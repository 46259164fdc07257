import { describe, expect, it } from 'vitest';
import { Position } from '@xyflow/react';
import { NODE_KINDS, outputHandles, type FlowNode, type NodeKind } from '../../../runtime/src/schema';
import { initialGeometry } from '../../../editor/src/flow-editor/nodes/initialGeometry';
import { NODE_WIDTH } from '../../../editor/src/flow-editor/nodes/nodeSize';
import { newNodeData } from '../../../editor/src/flow-editor/kinds';
import { emptyMeta } from '../../../editor/src/flow-editor/store/documentSlice';

function nodeOf(kind: NodeKind): FlowNode {
  const id = `${kind}1`;
  return { id, type: kind, position: { x: 0, y: 0 }, data: newNodeData(kind, { nodeId: id, meta: emptyMeta, usedVariables: new Set() }) } as FlowNode;
}

describe('initialGeometry', () => {
  it.each(NODE_KINDS)('guesses a handle for every output of a %s card, and its way in', (kind) => {
    const node = nodeOf(kind);
    const { handles, initialWidth, initialHeight } = initialGeometry(node);
    const sources = handles.filter((h) => h.type === 'source');
    expect(sources.map((h) => h.id)).toEqual(outputHandles(node));
    expect(sources.every((h) => h.position === Position.Right)).toBe(true);
    const targets = handles.filter((h) => h.type === 'target');
    expect(targets).toHaveLength(kind === 'start' ? 0 : 1);
    expect(initialWidth).toBe(NODE_WIDTH);
    for (const h of handles) {
      expect(h.y).toBeGreaterThanOrEqual(0);
      expect(h.y + (h.height ?? 0)).toBeLessThanOrEqual(initialHeight);
    }
  });

  it('stacks labelled outputs top to bottom in the order the card lists them, growing the card', () => {
    const two = nodeOf('choice') as Extract<FlowNode, { type: 'choice' }>;
    const four = { ...two, data: { ...two.data, options: [...two.data.options, { id: 'x', label: 'X' }, { id: 'y', label: 'Y' }] } };
    const small = initialGeometry(two);
    const big = initialGeometry(four);
    const ys = big.handles.filter((h) => h.type === 'source').map((h) => h.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(ys.length);
    expect(big.initialHeight).toBeGreaterThan(small.initialHeight);
  });

  it('puts a single output level with the input, on the right edge', () => {
    const { handles } = initialGeometry(nodeOf('message'));
    const input = handles.find((h) => h.type === 'target')!;
    const output = handles.find((h) => h.type === 'source')!;
    expect(output.y).toBe(input.y);
    expect(output.x).toBeGreaterThan(input.x + NODE_WIDTH / 2);
  });
});
