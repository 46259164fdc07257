import { afterEach, describe, expect, it } from 'vitest';
import { ReactFlowProvider } from '@xyflow/react';
import { cleanup, render } from '@testing-library/react';
import type { ComponentType } from 'react';
import { KINDS, PALETTE_KINDS, newNodeData } from '../../../editor/src/flow-editor/kinds';
import { KIND_VIEWS, nodeTypes } from '../../../editor/src/flow-editor/kinds/views';
import { Inspector } from '../../../editor/src/flow-editor/inspector/Inspector';
import { i18n } from '../../../editor/src/i18n';
import { flowDocumentSchema, NODE_KINDS, type FlowDocument, type FlowNode, type NodeKind } from '../../../runtime/src/schema';
import { everyKindDoc, loadAndSelect, store } from '../inspector/support';

afterEach(cleanup);

const idOf = (kind: NodeKind) => `k-${kind}`;

/** One freshly dropped node of every kind the schema knows, as the palette would add it. */
function freshNodesDoc(): FlowDocument {
  const base = everyKindDoc();
  const nodes = NODE_KINDS.map((kind) => ({
    id: idOf(kind),
    type: kind,
    position: { x: 0, y: 0 },
    data: newNodeData(kind, { nodeId: idOf(kind), meta: base, usedVariables: new Set() }),
  }));
  return flowDocumentSchema.parse({ ...base, nodes, edges: [] });
}

function cardOf(node: FlowNode): HTMLElement {
  const Card = nodeTypes[node.type] as ComponentType<Record<string, unknown>>;
  const { container } = render(
    <ReactFlowProvider>
      <Card id={node.id} type={node.type} data={node.data} selected={false} dragging={false} zIndex={0} isConnectable positionAbsoluteX={0} positionAbsoluteY={0} />
    </ReactFlowProvider>,
  );
  return container.querySelector<HTMLElement>('.sbn')!;
}

describe('the record per node kind', () => {
  it('has a model and a view for every kind the schema knows, and nothing else', () => {
    expect(Object.keys(KINDS).sort()).toEqual([...NODE_KINDS].sort());
    expect(Object.keys(KIND_VIEWS).sort()).toEqual([...NODE_KINDS].sort());
    expect(Object.keys(nodeTypes).sort()).toEqual([...NODE_KINDS].sort());
  });

  it('puts every kind but start in the palette, each once, in its declared order', () => {
    expect(PALETTE_KINDS.slice().sort()).toEqual(NODE_KINDS.filter((k) => k !== 'start').sort());
    const orders = PALETTE_KINDS.map((k) => KINDS[k].paletteOrder!);
    expect(new Set(orders).size).toBe(orders.length);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(PALETTE_KINDS[0]).toBe('message');
  });

  it('gives each kind its own icon and colour', () => {
    expect(new Set(NODE_KINDS.map((k) => KINDS[k].icon)).size).toBe(NODE_KINDS.length);
    for (const kind of NODE_KINDS) expect(KINDS[kind].color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('names and describes every kind in English and Polish', () => {
    for (const lng of ['en', 'pl']) {
      const t = i18n.getFixedT(lng);
      for (const kind of NODE_KINDS) {
        for (const key of [`canvas:kinds.${kind}.name`, `canvas:kinds.${kind}.description`, `inspector:kinds.${kind}`, `inspector:kindHelp.${kind}`]) {
          expect(i18n.exists(key, { lng }), `${lng} ${key}`).toBe(true);
          expect(t(key)).not.toBe('');
        }
      }
    }
  });

  it('gives a freshly added node of every kind data its schema accepts and a card with guessed geometry', () => {
    const doc = freshNodesDoc();
    expect(doc.nodes.map((n) => n.type)).toEqual(NODE_KINDS);
    store().load(doc, 1);
    for (const n of store().nodes) {
      expect(n.initialHeight, n.type).toBeGreaterThan(0);
      expect(n.handles?.some((h) => h.type === 'target'), n.type).toBe(KINDS[n.type].geometry.hasInput);
    }
  });

  it.each(NODE_KINDS)('%s: the canvas card and the inspector header show the same icon in the same colour', (kind) => {
    const doc = freshNodesDoc();
    const node = doc.nodes.find((n) => n.type === kind)!;
    loadAndSelect(node.id, doc);
    const card = cardOf(node);
    const cardIcon = card.querySelector('.sbn-icon svg')!;
    const { container } = render(<Inspector />);
    const header = container.querySelector<HTMLElement>('.sb-kind-icon')!;
    const headerIcon = header.querySelector('svg')!;
    expect(cardIcon.getAttribute('class')).toMatch(/\blucide-[a-z-]+/);
    expect(headerIcon.getAttribute('class')).toBe(cardIcon.getAttribute('class'));
    expect(header.style.getPropertyValue('--sb-kind-accent')).toBe(KINDS[kind].color);
    expect(card.style.getPropertyValue('--sbn-accent')).toBe(KINDS[kind].color);
  });
});
