import { describe, expect, it } from 'vitest';
import { diffFlows, summarize } from '../../../runtime/src/diff';
import { choice, e, end, flow, handoff, message, n, question, start } from '../validator/build';
import { samples } from '../../../samples';

const base = () =>
  flow(
    [start(), message('hello', 'Hi there.'), choice('menu', ['Orders', 'Returns']), end('bye', 'Bye!')],
    [e('start', 'next', 'hello', 'e1'), e('hello', 'next', 'menu', 'e2'), e('menu', 'menu-o1', 'bye', 'e3'), e('menu', 'menu-o2', 'bye', 'e4')],
    { variables: [{ name: 'order', type: 'string' }] },
  );

const moveNode = <T extends { position: { x: number; y: number } }>(node: T, x: number, y: number): T => ({ ...node, position: { x, y } });

describe('diffFlows', () => {
  it('finds nothing between a flow and its copy', () => {
    const diff = diffFlows(base(), structuredClone(base()));
    expect(summarize(diff)).toMatchObject({ total: 0, texts: 0, nodes: { moved: 0 } });
    expect(diff.textChanges).toEqual([]);
  });

  it('reports added, removed and changed nodes with the text before and after', () => {
    const before = base();
    const after = structuredClone(before);
    after.nodes = after.nodes.filter((node) => node.id !== 'bye');
    after.nodes.push(end('done', 'Thanks!'));
    const hello = after.nodes.find((node) => node.id === 'hello')!;
    if (hello.type !== 'message') throw new Error('fixture');
    hello.data.text = 'Hello there.';

    const diff = diffFlows(before, after);
    expect(diff.nodes.added.map((node) => node.id)).toEqual(['done']);
    expect(diff.nodes.removed.map((node) => node.id)).toEqual(['bye']);
    expect(diff.nodes.changed).toEqual([
      expect.objectContaining({ id: 'hello', typeChanged: false, fields: ['text'], before: expect.objectContaining({ data: { text: 'Hi there.' } }) }),
    ]);
    expect(diff.textChanges).toEqual([{ nodeId: 'hello', field: 'text', before: 'Hi there.', after: 'Hello there.' }]);
  });

  it('reports a position-only move as moved, not as a change', () => {
    const before = base();
    const after = structuredClone(before);
    after.nodes = after.nodes.map((node) => (node.id === 'menu' ? moveNode(node, 400, 120) : node));
    const diff = diffFlows(before, after);
    expect(diff.nodes.changed).toEqual([]);
    expect(diff.nodes.moved).toEqual([{ id: 'menu', from: { x: 0, y: 0 }, to: { x: 400, y: 120 } }]);
    expect(summarize(diff)).toMatchObject({ total: 0, nodes: { moved: 1 } });
  });

  it('keys option labels by option id, so renaming one option is one text change', () => {
    const before = base();
    const after = structuredClone(before);
    const menu = after.nodes.find((node) => node.id === 'menu')!;
    if (menu.type !== 'choice') throw new Error('fixture');
    menu.data.options[0]!.label = 'My orders';
    menu.data.options.push({ id: 'menu-o3', label: 'Talk to a person' });
    const diff = diffFlows(before, after);
    expect(diff.nodes.changed.map((c) => [c.id, c.fields])).toEqual([['menu', ['options']]]);
    expect(diff.textChanges).toEqual([
      { nodeId: 'menu', field: 'options.menu-o1.label', before: 'Orders', after: 'My orders' },
      { nodeId: 'menu', field: 'options.menu-o3.label', before: '', after: 'Talk to a person' },
    ]);
  });

  it('covers question, handoff and end texts, and a node whose kind changed', () => {
    const before = flow(
      [start(), question('ask', 'order', { retryText: 'Try again' }), handoff('agent'), end('bye', 'Bye')],
      [e('start', 'next', 'ask'), e('ask', 'next', 'agent'), e('agent', 'resolved', 'bye')],
    );
    const after = structuredClone(before);
    after.nodes = after.nodes.map((node) => {
      if (node.type === 'question') return { ...node, data: { ...node.data, text: 'Order number?', retryText: 'Digits only' } };
      if (node.type === 'handoff') return { ...node, data: { ...node.data, note: 'Order {{order}}' } };
      if (node.id === 'bye') return n('message', 'bye', { text: 'Bye' });
      return node;
    });
    const diff = diffFlows(before, after);
    expect(diff.textChanges).toEqual([
      { nodeId: 'ask', field: 'text', before: 'What is your order?', after: 'Order number?' },
      { nodeId: 'ask', field: 'retryText', before: 'Try again', after: 'Digits only' },
      { nodeId: 'agent', field: 'note', before: '', after: 'Order {{order}}' },
    ]);
    expect(diff.nodes.changed.find((c) => c.id === 'bye')).toMatchObject({ typeChanged: true, fields: ['text'] });
  });

  it('does not report an edge deleted and redrawn under a new id, nor a bare edge that names its only output', () => {
    const before = base();
    const after = structuredClone(before);
    after.edges = after.edges.map((edge) => (edge.id === 'e3' ? { ...edge, id: 'xy-edge-new' } : edge.id === 'e1' ? { ...edge, sourceHandle: null } : edge));
    expect(diffFlows(before, after).edges).toEqual({ added: [], removed: [] });
  });

  it('reports a reconnected edge as one removed and one added, even under the same id', () => {
    const before = base();
    const after = structuredClone(before);
    after.nodes.push(end('other', 'Other'));
    after.edges = after.edges.map((edge) => (edge.id === 'e4' ? { ...edge, target: 'other' } : edge));
    const diff = diffFlows(before, after);
    expect(diff.edges.removed).toEqual([expect.objectContaining({ id: 'e4', target: 'bye' })]);
    expect(diff.edges.added).toEqual([expect.objectContaining({ id: 'e4', target: 'other' })]);
  });

  it('counts duplicate connections one for one', () => {
    const before = base();
    const after = structuredClone(before);
    after.edges.push({ id: 'dup', source: 'menu', sourceHandle: 'menu-o1', target: 'bye' });
    expect(diffFlows(before, after).edges.added.map((edge) => edge.id)).toEqual(['dup']);
    expect(diffFlows(after, before).edges.removed.map((edge) => edge.id)).toEqual(['dup']);
  });

  it('reports variables, settings by path, and name changes', () => {
    const before = base();
    const after = structuredClone(before);
    after.name = 'Shop bot';
    after.variables = [{ name: 'order', type: 'number' }, { name: 'email', type: 'string' }];
    after.settings.fallbackText = 'Pardon?';
    after.settings.businessHours.weekly = [{ day: 'mon', open: '09:00', close: '17:00' }];
    const diff = diffFlows(before, after);
    expect(diff.variables).toEqual({
      added: [{ name: 'email', type: 'string' }],
      removed: [],
      changed: [{ name: 'order', before: { name: 'order', type: 'string' }, after: { name: 'order', type: 'number' } }],
    });
    expect(diff.settings).toEqual([
      { path: 'fallbackText', before: "Sorry, I didn't get that.", after: 'Pardon?' },
      { path: 'businessHours.weekly', before: [], after: [{ day: 'mon', open: '09:00', close: '17:00' }] },
    ]);
    expect(diff.meta).toEqual([{ path: 'name', before: 'Test flow', after: 'Shop bot' }]);
    expect(summarize(diff)).toMatchObject({ variables: { added: 1, removed: 0, changed: 1 }, settings: 2, meta: 1, total: 5 });
  });

  it('sums a realistic edit of a sample', () => {
    const sample = samples[0]!.flow;
    const after = structuredClone(sample);
    const firstMessage = after.nodes.find((node) => node.type === 'message')!;
    if (firstMessage.type !== 'message') throw new Error('fixture');
    firstMessage.data.text += ' Welcome!';
    const removed = after.nodes.find((node) => node.type === 'end')!;
    after.nodes = after.nodes.filter((node) => node !== removed);
    after.edges = after.edges.filter((edge) => edge.target !== removed.id && edge.source !== removed.id);
    const diff = diffFlows(sample, after);
    const summary = summarize(diff);
    expect(summary.nodes).toMatchObject({ added: 0, removed: 1, changed: 1 });
    expect(summary.edges.removed).toBe(sample.edges.filter((edge) => edge.target === removed.id || edge.source === removed.id).length);
    expect(summary.texts).toBe(1);
    expect(summary.total).toBe(2 + summary.edges.removed);
  });
});
