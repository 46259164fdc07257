import { afterEach, describe, expect, it, vi } from 'vitest';
import { useEditorStore } from '../../../editor/src/flow-editor/store';
import { DEFER_LOAD_VALIDATION_FROM } from '../../../editor/src/flow-editor/store/validation';
import type { FlowDocument } from '../../../runtime/src/schema';
import { generateFlow } from '../../../runtime/src/testing/generateFlow';
import { sampleDoc } from './fixtures';

const store = () => useEditorStore.getState();
/** A choice option's edge: without it the option leads nowhere, which the validator reports. */
const optionEdge = (doc: FlowDocument) => {
  const choices = new Map(doc.nodes.filter((n) => n.type === 'choice').map((n) => [n.id, n]));
  return doc.edges.find((e) => {
    const n = choices.get(e.source);
    return n?.type === 'choice' && n.data.options.some((o) => o.id === e.sourceHandle);
  })!;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('guessed card geometry', () => {
  it('gives every loaded node a size and handles, and keeps them out of the document', () => {
    store().load(sampleDoc(), 1);
    for (const n of store().nodes) {
      expect(n.initialWidth).toBeGreaterThan(0);
      expect(n.initialHeight).toBeGreaterThan(0);
      expect(n.handles?.length).toBeGreaterThan(0);
    }
    expect(store().toDocument()).toEqual(sampleDoc());
  });

  it('drops the guessed handles of a node once React Flow measures it, and only of that node', () => {
    store().load(sampleDoc(), 1);
    store().onNodesChange([{ id: 'c1', type: 'dimensions', dimensions: { width: 240, height: 150 } }]);
    const measured = store().nodeById.get('c1')!;
    expect(measured.handles).toBeUndefined();
    expect(measured.measured).toEqual({ width: 240, height: 150 });
    expect(store().nodes.find((n) => n.id === 'c1')).toBe(measured);
    expect(store().nodeById.get('m1')!.handles).toBeDefined();
    // A later change to the measured node must not bring the guesses back.
    store().updateNodeData('c1', { ...measured.data, text: 'Changed' } as typeof measured.data);
    expect(store().nodeById.get('c1')!.handles).toBeUndefined();
  });
});

describe('validation when a flow loads', () => {
  it('validates a small flow at once', () => {
    const doc = sampleDoc();
    doc.edges = doc.edges.filter((e) => e.id !== 'e3');
    store().load(doc, 1);
    expect(store().problems.some((p) => p.nodeId === 'c1' && p.severity === 'error')).toBe(true);
  });

  it('validates a large flow after the first paint, without showing the previous flow’s problems meanwhile', async () => {
    const small = sampleDoc();
    small.edges = small.edges.filter((e) => e.id !== 'e3');
    store().load(small, 1);
    expect(store().problems.length).toBeGreaterThan(0);

    const big = generateFlow(DEFER_LOAD_VALIDATION_FROM + 50);
    // An unconnected option on the big flow, so its own problems are recognisable.
    const edge = optionEdge(big);
    big.edges = big.edges.filter((e) => e !== edge);
    store().load(big, 1);
    expect(store().problems).toEqual([]);
    await vi.waitFor(() => expect(store().problems.some((p) => p.nodeId === edge.source)).toBe(true), { timeout: 3000 });
  });

  it('an edit before the deferred run still validates', async () => {
    const big = generateFlow(DEFER_LOAD_VALIDATION_FROM + 50);
    store().load(big, 1);
    const edge = optionEdge(big);
    store().deleteElements([], [edge.id]);
    await vi.waitFor(() => expect(store().problems.some((p) => p.nodeId === edge.source)).toBe(true), { timeout: 3000 });
  });
});
