import { describe, expect, it } from 'vitest';
import { flowDocumentSchema, type FlowDocument, type FlowNode } from '../../runtime/src/schema';
import { renameVariable } from '../../editor/src/flow-editor/model/renameVariable';
import { generateFlow } from '../../runtime/src/testing/generateFlow';
import {
  knownVariableNames,
  nodeUsesVariable,
  variableTypeForInput,
} from '../../editor/src/flow-editor/model/variableUsage';

const pos = { x: 0, y: 0 };

function makeDoc(): FlowDocument {
  return flowDocumentSchema.parse({
    schemaVersion: 2,
    id: 'f1',
    name: 'Test',
    variables: [
      { name: 'order', type: 'string', description: 'Order number' },
      { name: 'orderTotal', type: 'number' },
    ],
    settings: { fallbackText: 'Sorry {{order}}', handoff: { offlineText: 'Closed, {{ order }}' } },
    nodes: [
      { id: 'start', type: 'start', position: pos, data: {} },
      {
        id: 'm1',
        type: 'message',
        position: pos,
        data: {
          text: 'Order {{order}} and {{older}} and {{orderTotal}} and {{ order }}',
          image: { url: 'https://x/{{order}}.png', alt: 'pic {{order}}' },
          links: [{ label: 'See {{order}}', url: 'https://shop/{{order}}' }],
        },
      },
      {
        id: 'q1',
        type: 'question',
        position: pos,
        data: { text: 'Your {{order}}?', variable: 'order', inputKind: 'text', retryText: 'Again {{order}}' },
      },
      {
        id: 'c1',
        type: 'choice',
        position: pos,
        data: { text: 'Pick for {{order}}', options: [{ id: 'o1', label: 'Yes' }], variable: 'order' },
      },
      {
        id: 'h1',
        type: 'handoff',
        position: pos,
        data: { text: 'Passing {{order}}', queue: 'billing', note: 'Customer order {{order}}' },
      },
      { id: 'e1', type: 'end', position: pos, data: { text: 'Bye {{order}}' } },
      {
        id: 's1',
        type: 'set',
        position: pos,
        data: {
          assignments: [
            { variable: 'order', value: 'ORD-{{order}}', mode: 'template' },
            { variable: 'orderTotal', value: 'order + orderTotal * 2 + {{order}}', mode: 'math' },
            { variable: 'orderTotal', value: 5 },
          ],
        },
      },
      {
        id: 'k1',
        type: 'condition',
        position: pos,
        data: {
          branches: [
            {
              id: 'b1',
              label: 'Has order',
              match: 'all',
              rules: [
                { variable: 'order', op: 'equals', value: '{{order}}' },
                { variable: 'orderTotal', op: 'gt', value: 3 },
              ],
            },
          ],
        },
      },
      { id: 'untouched', type: 'message', position: pos, data: { text: 'No {{older}} here, order stays' } },
      { id: 'j1', type: 'jump', position: pos, data: { target: 'start' } },
    ],
    edges: [],
  });
}

function nodeOf(nodes: FlowNode[], id: string): FlowNode {
  const n = nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

describe('renameVariable', () => {
  const doc = makeDoc();
  const result = renameVariable({ meta: doc, nodes: doc.nodes }, 'order', 'orderId');

  it('renames the declaration and keeps its other fields', () => {
    expect(result.meta.variables).toEqual([
      { name: 'orderId', type: 'string', description: 'Order number' },
      { name: 'orderTotal', type: 'number' },
    ]);
  });

  it('rewrites message text, image and links but not longer names', () => {
    expect(nodeOf(result.nodes, 'm1').data).toEqual({
      text: 'Order {{orderId}} and {{older}} and {{orderTotal}} and {{ orderId }}',
      image: { url: 'https://x/{{orderId}}.png', alt: 'pic {{orderId}}' },
      links: [{ label: 'See {{orderId}}', url: 'https://shop/{{orderId}}' }],
    });
  });

  it('rewrites the variables questions and choices capture', () => {
    expect(nodeOf(result.nodes, 'q1').data).toMatchObject({
      text: 'Your {{orderId}}?',
      variable: 'orderId',
      retryText: 'Again {{orderId}}',
    });
    expect(nodeOf(result.nodes, 'c1').data).toMatchObject({ text: 'Pick for {{orderId}}', variable: 'orderId' });
  });

  it('rewrites handoff text and note, and end text', () => {
    expect(nodeOf(result.nodes, 'h1').data).toEqual({
      text: 'Passing {{orderId}}',
      queue: 'billing',
      note: 'Customer order {{orderId}}',
    });
    expect(nodeOf(result.nodes, 'e1').data).toEqual({ text: 'Bye {{orderId}}' });
  });

  it('rewrites set targets, templates and bare names in math only', () => {
    expect(nodeOf(result.nodes, 's1').data).toEqual({
      assignments: [
        { variable: 'orderId', value: 'ORD-{{orderId}}', mode: 'template' },
        { variable: 'orderTotal', value: 'orderId + orderTotal * 2 + {{orderId}}', mode: 'math' },
        { variable: 'orderTotal', value: 5 },
      ],
    });
  });

  it('rewrites condition rule variables and values', () => {
    const data = nodeOf(result.nodes, 'k1').data;
    expect(data).toEqual({
      branches: [
        {
          id: 'b1',
          label: 'Has order',
          match: 'all',
          rules: [
            { variable: 'orderId', op: 'equals', value: '{{orderId}}' },
            { variable: 'orderTotal', op: 'gt', value: 3 },
          ],
        },
      ],
    });
  });

  it('rewrites templates in flow settings texts', () => {
    expect(result.meta.settings.fallbackText).toBe('Sorry {{orderId}}');
    expect(result.meta.settings.handoff.offlineText).toBe('Closed, {{ orderId }}');
  });

  it('keeps untouched nodes as the same objects and reports the changed ones', () => {
    expect(nodeOf(result.nodes, 'untouched')).toBe(nodeOf(doc.nodes, 'untouched'));
    expect(nodeOf(result.nodes, 'j1')).toBe(nodeOf(doc.nodes, 'j1'));
    expect(result.changedNodeIds.sort()).toEqual(['c1', 'e1', 'h1', 'k1', 'm1', 'q1', 's1']);
  });

  it('does not mutate its input', () => {
    expect(doc).toEqual(makeDoc());
  });

  it('produces a document that still passes the schema', () => {
    expect(flowDocumentSchema.safeParse({ ...result.meta, nodes: result.nodes, edges: [] }).success).toBe(true);
  });

  it('returns the input untouched for an invalid or identical name', () => {
    const bad = renameVariable({ meta: doc, nodes: doc.nodes }, 'order', '1bad');
    expect(bad.nodes).toBe(doc.nodes);
    expect(bad.meta).toBe(doc);
    expect(renameVariable({ meta: doc, nodes: doc.nodes }, 'order', 'order').changedNodeIds).toEqual([]);
  });

  it('merges into an existing declaration instead of duplicating it', () => {
    const merged = renameVariable({ meta: doc, nodes: doc.nodes }, 'order', 'orderTotal');
    expect(merged.meta.variables.map((v) => v.name)).toEqual(['orderTotal']);
    expect(nodeOf(merged.nodes, 'q1').data).toMatchObject({ variable: 'orderTotal' });
  });

  it('renames references to a variable that is only captured, not declared', () => {
    const r = renameVariable({ meta: doc, nodes: doc.nodes }, 'older', 'previous');
    expect(nodeOf(r.nodes, 'untouched').data).toEqual({ text: 'No {{previous}} here, order stays' });
    expect(r.meta.variables.map((v) => v.name)).toEqual(['order', 'orderTotal']);
  });
});

describe('variable usage', () => {
  const doc = makeDoc();

  it('detects use in templates and as a target, and not in longer names', () => {
    expect(nodeUsesVariable(nodeOf(doc.nodes, 'm1'), 'order')).toBe(true);
    expect(nodeUsesVariable(nodeOf(doc.nodes, 'untouched'), 'order')).toBe(false);
    expect(nodeUsesVariable(nodeOf(doc.nodes, 'untouched'), 'older')).toBe(true);
    expect(nodeUsesVariable(nodeOf(doc.nodes, 'k1'), 'orderTotal')).toBe(true);
    expect(nodeUsesVariable(nodeOf(doc.nodes, 'j1'), 'order')).toBe(false);
  });

  it('lists declared variables first, then captured ones', () => {
    const nodes: FlowNode[] = [
      ...doc.nodes,
      { id: 'q2', type: 'question', position: pos, data: { text: 'Email?', variable: 'email', inputKind: 'email' } },
      { id: 's2', type: 'set', position: pos, data: { assignments: [{ variable: 'attempts', value: 1 }] } },
    ];
    expect(knownVariableNames(doc.variables, nodes)).toEqual(['order', 'orderTotal', 'attempts', 'email']);
  });

  it('lists the rating a satisfaction step stores, so pickers offer it for a later condition', () => {
    const nodes: FlowNode[] = [
      ...doc.nodes,
      { id: 'csat', type: 'satisfaction', position: pos, data: { text: 'How did we do?' } },
    ];
    expect(knownVariableNames(doc.variables, nodes)).toContain('csatRating');
    expect(knownVariableNames(doc.variables, doc.nodes)).not.toContain('csatRating');
  });

  it('maps input kinds to variable types', () => {
    expect(variableTypeForInput('number')).toBe('number');
    expect(variableTypeForInput('yesNo')).toBe('boolean');
    expect(variableTypeForInput('date')).toBe('date');
    expect(variableTypeForInput('email')).toBe('string');
  });
});

describe('renameVariable over every kind', () => {
  it('leaves no mention of the old name in a generated flow that uses every kind', () => {
    const doc = generateFlow(1000);
    const { nodes: _nodes, edges: _edges, ...meta } = doc;
    const result = renameVariable({ meta, nodes: doc.nodes }, 'topic', 'subject');
    const text = JSON.stringify(result.nodes);
    expect(text).not.toContain('"topic"');
    expect(text).not.toMatch(/\{\{\s*topic\s*\}\}/);
    // Choice, intent and HTTP request steps of the generated flow all store into `topic`.
    const renamedKinds = new Set(result.changedNodeIds.map((id) => doc.nodes.find((n) => n.id === id)!.type));
    expect([...renamedKinds].sort()).toEqual(['choice', 'httpRequest', 'intent']);
  });
});
