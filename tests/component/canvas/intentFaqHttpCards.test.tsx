import { afterEach, describe, expect, it } from 'vitest';
import { ReactFlowProvider } from '@xyflow/react';
import { cleanup, render, screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { nodeTypes } from '../../../editor/src/flow-editor/kinds/views';
import { outputHandles, type FlowNode } from '../../../runtime/src/schema';
import { intentFaqHttpDoc } from '../inspector/intentFaqHttpDoc';
import { store } from '../inspector/support';

afterEach(cleanup);

const node = (id: string) => intentFaqHttpDoc().nodes.find((n) => n.id === id)!;

function renderCard(n: FlowNode) {
  store().load(intentFaqHttpDoc(), 1);
  const Card = nodeTypes[n.type] as ComponentType<Record<string, unknown>>;
  const { container } = render(
    <ReactFlowProvider>
      <Card id={n.id} type={n.type} data={n.data} selected={false} dragging={false} zIndex={0} isConnectable positionAbsoluteX={0} positionAbsoluteY={0} />
    </ReactFlowProvider>,
  );
  const handles = [...container.querySelectorAll('.react-flow__handle.source')];
  return {
    container,
    sourceHandles: handles.map((h) => h.getAttribute('data-handleid')),
    mutedHandles: handles.filter((h) => h.classList.contains('sbn-handle--muted')).map((h) => h.getAttribute('data-handleid')),
  };
}

describe('intent, FAQ, HTTP request and satisfaction cards', () => {
  it('intent: one labelled output per intent plus a muted fallback, matching the schema handles', () => {
    const n = node('nlu');
    const card = renderCard(n);
    expect(card.sourceHandles).toEqual(['track', 'refund', 'fallback']);
    expect(card.sourceHandles).toEqual(outputHandles(n));
    expect(card.mutedHandles).toEqual(['fallback']);
    expect(screen.getByText('Track order')).toBeInTheDocument();
    expect(screen.getByText('Refund')).toBeInTheDocument();
    expect(screen.getByText('Not understood')).toBeInTheDocument();
    expect(screen.getByText('How can I help?')).toBeInTheDocument();
  });

  it('intent: an unnamed intent is labelled by its position', () => {
    const n = { ...node('nlu'), data: { intents: [{ id: 'i1', name: '', examples: [] }] } } as FlowNode;
    renderCard(n);
    expect(screen.getByText('Intent 1')).toBeInTheDocument();
    expect(screen.getByText("Reads the customer's next message")).toBeInTheDocument();
  });

  it('FAQ: the item count and first questions, with answered and a muted fallback', () => {
    const n = node('help');
    const card = renderCard(n);
    expect(card.sourceHandles).toEqual(['answered', 'fallback']);
    expect(card.sourceHandles).toEqual(outputHandles(n));
    expect(card.mutedHandles).toEqual(['fallback']);
    expect(screen.getByText('2 questions')).toBeInTheDocument();
    expect(screen.getByText('What are your opening hours?')).toBeInTheDocument();
    expect(screen.getByText('Do you ship abroad?')).toBeInTheDocument();
  });

  it('HTTP request: method and host (never the path or secrets), success and a muted error', () => {
    const n = node('api');
    const card = renderCard(n);
    expect(card.sourceHandles).toEqual(['success', 'error']);
    expect(card.sourceHandles).toEqual(outputHandles(n));
    expect(card.mutedHandles).toEqual(['error']);
    expect(screen.getByText('GET')).toBeInTheDocument();
    expect(screen.getByText('shop.example.com')).toBeInTheDocument();
    expect(card.container.textContent).not.toContain('secret');
    expect(screen.getByText('→ {orderStatus}')).toBeInTheDocument();
  });

  it('HTTP request: asks for an address while there is none', () => {
    renderCard({ ...node('api'), data: { method: 'GET', url: '', headers: [], responseMapping: [] } } as FlowNode);
    expect(screen.getByText('Click to set the address')).toBeInTheDocument();
  });

  it('satisfaction: stars and the question, one output', () => {
    const n = node('rate');
    const card = renderCard(n);
    expect(card.sourceHandles).toEqual(['next']);
    expect(card.sourceHandles).toEqual(outputHandles(n));
    expect(screen.getByRole('img', { name: 'Rating from 1 to 5 stars' }).querySelectorAll('svg')).toHaveLength(5);
    expect(screen.getByText('How did we do?')).toBeInTheDocument();
  });
});
