import { beforeEach, describe, expect, it } from 'vitest';
import { useEditorStore } from '../../../editor/src/flow-editor/store';
import { autoLayout } from '../../../editor/src/flow-editor/layout/autoLayout';
import { layout } from '../../../editor/src/flow-editor/actions/actions';
import type { ActionContext } from '../../../editor/src/flow-editor/actions/types';
import { sampleDoc } from './fixtures';

const store = () => useEditorStore.getState();

beforeEach(() => {
  const doc = sampleDoc();
  // Scramble the positions so the layout has something to do.
  doc.nodes.forEach((n, i) => (n.position = { x: (doc.nodes.length - i) * 37, y: (i % 2) * 500 }));
  store().load(doc, 1);
});

describe('auto-layout', () => {
  it('places every node right of the nodes it comes from', () => {
    const positions = autoLayout(store().nodes, store().edges);
    for (const e of store().edges) {
      expect(positions.get(e.target)!.x).toBeGreaterThan(positions.get(e.source)!.x);
    }
  });

  it('stacks a choice’s targets in the order of its options', () => {
    const doc = sampleDoc();
    doc.nodes = doc.nodes.filter((n) => n.id === 'start' || n.id === 'c1');
    const c1 = doc.nodes.find((n) => n.id === 'c1')!;
    if (c1.type !== 'choice') throw new Error('fixture changed');
    c1.data.options = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id }));
    // Targets declared in reverse so that only the option order can explain the result.
    for (const id of ['d', 'c', 'b', 'a']) doc.nodes.push({ id: `t${id}`, type: 'end', position: { x: 0, y: 0 }, data: {} });
    doc.edges = [
      { id: 'e0', source: 'start', sourceHandle: 'next', target: 'c1' },
      ...['d', 'b', 'a', 'c'].map((id) => ({ id: `e${id}`, source: 'c1', sourceHandle: id, target: `t${id}` })),
    ];
    store().load(doc, 1);
    const positions = autoLayout(store().nodes, store().edges);
    const ys = ['ta', 'tb', 'tc', 'td'].map((id) => positions.get(id)!.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  it('uses measured sizes so tall nodes do not overlap', () => {
    const s = store();
    s.onNodesChange(s.nodes.map((n) => ({ id: n.id, type: 'dimensions' as const, dimensions: { width: 240, height: 300 } })));
    const positions = autoLayout(store().nodes, store().edges);
    const byColumn = new Map<number, number[]>();
    for (const p of positions.values()) byColumn.set(p.x, [...(byColumn.get(p.x) ?? []), p.y]);
    for (const ys of byColumn.values()) {
      ys.sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(300);
    }
  });

  it('the layout action changes positions left to right as one undo step', () => {
    let fitted = 0;
    const ctx: ActionContext = {
      fitView: () => fitted++,
      viewCenter: () => ({ x: 0, y: 0 }),
      focusedNodeId: () => null,
      focusInspector: () => undefined,
    };
    const before = store().nodes.map((n) => ({ ...n.position }));
    const pastBefore = store().past.length;
    layout.perform(useEditorStore, ctx);
    const after = store().nodes;
    expect(after.map((n) => n.position)).not.toEqual(before);
    const x = (id: string) => store().nodeById.get(id)!.position.x;
    expect(x('start')).toBeLessThan(x('m1'));
    expect(x('m1')).toBeLessThan(x('c1'));
    expect(x('c1')).toBeLessThan(x('q1'));
    expect(x('q1')).toBeLessThan(x('end'));
    expect(store().past.length).toBe(pastBefore + 1);
    store().undo();
    expect(store().nodes.map((n) => n.position)).toEqual(before);
  });
});
