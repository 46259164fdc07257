import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useEditorStore, MAX_HISTORY, COALESCE_MS } from '../../../editor/src/flow-editor/store';
import { parseClipboard, serializeClipboard } from '../../../editor/src/flow-editor/model/clipboardPayload';
import { sampleDoc } from './fixtures';

const store = () => useEditorStore.getState();
const pos = (id: string) => store().nodeById.get(id)!.position;

beforeEach(() => {
  store().load(sampleDoc(), 3);
});

describe('load and toDocument', () => {
  it('round-trips the document without React Flow fields', () => {
    store().selectNode('m1');
    store().onNodesChange([{ id: 'm1', type: 'dimensions', dimensions: { width: 200, height: 80 } }]);
    expect(store().toDocument()).toEqual(sampleDoc());
    expect(store().revision).toBe(3);
    expect(store().canUndo).toBe(false);
  });

  it('keeps nodeById in step with the nodes', () => {
    store().updateNodeData('m1', { text: 'Changed' });
    expect(store().nodeById.get('m1')).toBe(store().nodes.find((n) => n.id === 'm1'));
    store().deleteElements(['m1'], []);
    expect(store().nodeById.has('m1')).toBe(false);
    store().undo();
    expect(store().nodeById.get('m1')?.data).toEqual({ text: 'Changed' });
  });
});

describe('undo and redo', () => {
  it('undoes and redoes a data change', () => {
    store().updateNodeData('m1', { text: 'New text' });
    expect(store().canUndo).toBe(true);
    store().undo();
    expect(store().nodeById.get('m1')!.data).toEqual({ text: 'Hello there' });
    expect(store().canRedo).toBe(true);
    store().redo();
    expect(store().nodeById.get('m1')!.data).toEqual({ text: 'New text' });
    expect(store().canRedo).toBe(false);
  });

  it('enters a drag into history once, at its end', () => {
    const before = store().past.length;
    const counter = store().changeCounter;
    for (let i = 1; i <= 10; i++) {
      store().onNodesChange([{ id: 'm1', type: 'position', position: { x: 200 + i * 10, y: 0 }, dragging: true }]);
    }
    expect(store().past.length).toBe(before);
    expect(store().changeCounter).toBe(counter);
    expect(pos('m1')).toEqual({ x: 300, y: 0 });
    store().onNodesChange([{ id: 'm1', type: 'position', position: { x: 320, y: 20 }, dragging: false }]);
    expect(store().past.length).toBe(before + 1);
    expect(store().changeCounter).toBe(counter + 1);
    store().undo();
    expect(pos('m1')).toEqual({ x: 200, y: 0 });
    store().redo();
    expect(pos('m1')).toEqual({ x: 320, y: 20 });
  });

  it('never records selection changes', () => {
    const counter = store().changeCounter;
    store().onNodesChange([{ id: 'm1', type: 'select', selected: true }]);
    store().selectNode('c1');
    store().selectAll();
    expect(store().canUndo).toBe(false);
    expect(store().changeCounter).toBe(counter);
    expect(store().selectedNodeIds).toHaveLength(5);
  });

  it('coalesces typing in one field within a second, but not across fields', () => {
    vi.useFakeTimers();
    try {
      store().updateNodeData('m1', { text: 'H' });
      vi.advanceTimersByTime(200);
      store().updateNodeData('m1', { text: 'Hi' });
      vi.advanceTimersByTime(200);
      store().updateNodeData('m1', { text: 'Hi!' });
      expect(store().past).toHaveLength(1);
      store().updateNodeData('m1', { text: 'Hi!', image: { url: 'https://x.test/a.png', alt: '' } });
      expect(store().past).toHaveLength(2);
      vi.advanceTimersByTime(COALESCE_MS + 1);
      store().updateNodeData('m1', { text: 'Hi!!', image: { url: 'https://x.test/a.png', alt: '' } });
      expect(store().past).toHaveLength(3);
      store().undo();
      store().undo();
      expect(store().nodeById.get('m1')!.data).toEqual({ text: 'Hi!' });
      store().undo();
      expect(store().nodeById.get('m1')!.data).toEqual({ text: 'Hello there' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps at most MAX_HISTORY entries and shares unchanged node objects', () => {
    const c1 = store().nodeById.get('c1');
    for (let i = 0; i < MAX_HISTORY + 20; i++) store().setPositions(new Map([['m1', { x: i + 1, y: 1 }]]));
    expect(store().past).toHaveLength(MAX_HISTORY);
    for (const snap of store().past) expect(snap.nodes.find((n) => n.id === 'c1')).toBe(c1);
  });

  it('a new change clears the redo stack', () => {
    store().updateNodeData('m1', { text: 'A' });
    store().undo();
    store().updateMeta({ name: 'Renamed' });
    expect(store().canRedo).toBe(false);
    store().undo();
    expect(store().meta.name).toBe('Test flow');
  });
});

describe('adding, connecting and deleting', () => {
  it('addNode with connectFrom creates the edge and replaces one on the same handle', () => {
    const id = store().addNode('message', { x: 500, y: 300 }, { nodeId: 'c1', handle: 'b' });
    const fromB = store().edges.filter((e) => e.source === 'c1' && e.sourceHandle === 'b');
    expect(fromB).toHaveLength(1);
    expect(fromB[0]!.target).toBe(id);
    expect(store().selectedNodeIds).toEqual([id]);
    expect(store().nodeById.get(id)!.type).toBe('message');
    store().undo();
    expect(store().nodeById.has(id)).toBe(false);
    expect(store().edges.find((e) => e.id === 'e4')).toBeDefined();
  });

  it('gives a new question a variable name not yet used', () => {
    const id = store().addNode('question', { x: 0, y: 300 });
    const node = store().nodeById.get(id)!;
    expect(node.type === 'question' && node.data.variable).toBe('answer');
    const id2 = store().addNode('question', { x: 0, y: 400 });
    const node2 = store().nodeById.get(id2)!;
    expect(node2.type === 'question' && node2.data.variable).toBe('answer2');
  });

  it('connect replaces the edge leaving an occupied handle and refuses self loops', () => {
    store().connect('c1', 'a', 'end');
    expect(store().edges.filter((e) => e.source === 'c1' && e.sourceHandle === 'a').map((e) => e.target)).toEqual(['end']);
    const count = store().edges.length;
    store().connect('m1', 'next', 'm1');
    expect(store().edges).toHaveLength(count);
  });

  it('deleteElements removes attached edges, and undo brings them back', () => {
    store().deleteElements(['c1'], []);
    expect(store().nodeById.has('c1')).toBe(false);
    expect(store().edges.map((e) => e.id)).toEqual(['e1', 'e5']);
    store().undo();
    expect(store().edges).toHaveLength(5);
  });

  it('deletes selected edges alone', () => {
    store().onEdgesChange([{ id: 'e2', type: 'select', selected: true }]);
    store().deleteSelection();
    expect(store().edges.map((e) => e.id)).not.toContain('e2');
    expect(store().nodes).toHaveLength(5);
  });

  it('keeps the only start node', () => {
    store().deleteElements(['start', 'm1'], []);
    expect(store().nodeById.has('start')).toBe(true);
    expect(store().nodeById.has('m1')).toBe(false);
  });
});

describe('clipboard', () => {
  it('copy/paste keeps edges between copied nodes with new ids and offset positions', () => {
    store().selectNodes(['c1', 'q1', 'end']);
    const payload = store().copySelection()!;
    expect(payload.edges.map((e) => e.id).sort()).toEqual(['e3', 'e4', 'e5']);
    expect(parseClipboard(serializeClipboard(payload))).toEqual(payload);
    const ids = store().pastePayload(payload);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(['c1', 'q1', 'end']).not.toContain(id);
    const pasted = new Set(ids);
    const internal = store().edges.filter((e) => pasted.has(e.source) && pasted.has(e.target));
    expect(internal).toHaveLength(3);
    for (const e of internal) expect(['e3', 'e4', 'e5']).not.toContain(e.id);
    const choiceCopy = store().nodes.find((n) => pasted.has(n.id) && n.type === 'choice')!;
    expect(choiceCopy.position).toEqual({ x: 480, y: 80 });
    expect(internal.find((e) => e.source === choiceCopy.id && e.sourceHandle === 'a')).toBeDefined();
    expect(store().selectedNodeIds.sort()).toEqual([...ids].sort());
    expect(store().nodes).toHaveLength(8);
    store().undo();
    expect(store().nodes).toHaveLength(5);
  });

  it('a second paste lands further away', () => {
    store().selectNodes(['m1']);
    const payload = store().copySelection()!;
    const [a] = store().pastePayload(payload);
    const [b] = store().pastePayload(payload);
    expect(pos(a!)).toEqual({ x: 280, y: 80 });
    expect(pos(b!)).toEqual({ x: 360, y: 160 });
  });

  it('pastes at a given point, e.g. under the pointer', () => {
    store().selectNodes(['m1']);
    const payload = store().copySelection()!;
    const [id] = store().pastePayload(payload, { x: 1000, y: 500 });
    expect(pos(id!)).toEqual({ x: 1000, y: 500 });
  });

  it('cut removes the nodes and paste puts them back in place', () => {
    store().selectNodes(['q1']);
    const payload = store().cutSelection()!;
    expect(store().nodeById.has('q1')).toBe(false);
    const [id] = store().pastePayload(payload);
    expect(pos(id!)).toEqual({ x: 600, y: 0 });
  });

  it('duplicate copies the selection without touching the clipboard', () => {
    store().selectNodes(['end']);
    const copied = store().copySelection();
    store().selectNodes(['c1', 'q1']);
    const ids = store().duplicateSelection();
    expect(ids).toHaveLength(2);
    expect(store().clipboard).toBe(copied);
    const pasted = new Set(ids);
    expect(store().edges.filter((e) => pasted.has(e.source) && pasted.has(e.target))).toHaveLength(1);
  });

  it('never copies the start node', () => {
    store().selectNodes(['start']);
    expect(store().copySelection()).toBeNull();
  });

  it('rejects clipboard text that is not Switchboard nodes', () => {
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard('{"switchboard":"nodes","nodes":[{"id":"x","type":"bogus"}],"edges":[]}')).toBeNull();
  });
});

describe('variables and meta', () => {
  it('renameVariable updates references and is one undo step', () => {
    store().updateNodeData('m1', { text: 'Mail: {{email}}' });
    store().renameVariable('email', 'mail');
    const q = store().nodeById.get('q1')!;
    expect(q.type === 'question' && q.data.variable).toBe('mail');
    expect(store().nodeById.get('m1')!.data).toEqual({ text: 'Mail: {{mail}}' });
    store().undo();
    expect(store().nodeById.get('m1')!.data).toEqual({ text: 'Mail: {{email}}' });
  });

  it('markSaved records the saved counter and revision', () => {
    store().updateMeta({ description: 'x' });
    const at = store().changeCounter;
    store().markSaved(4, at);
    expect(store().savedCounter).toBe(at);
    expect(store().revision).toBe(4);
  });
});

describe('problems', () => {
  it('validates on load and again shortly after a change', async () => {
    expect(store().problems.filter((p) => p.severity === 'error')).toEqual([]);
    store().deleteElements([], ['e3']);
    await vi.waitFor(() => expect(store().problems.some((p) => p.nodeId === 'c1' && p.severity === 'error')).toBe(true));
    expect(store().problemsByNode.get('c1')!.errors).toBeGreaterThan(0);
  });
});
