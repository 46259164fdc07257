import { afterEach, describe, expect, it } from 'vitest';
import { ReactFlowProvider } from '@xyflow/react';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { Inspector } from '../../../editor/src/flow-editor/inspector/Inspector';
import { nodeTypes } from '../../../editor/src/flow-editor/kinds/views';
import { dataOf, loadAndSelect, renderUi, store } from './support';

afterEach(cleanup);

function Card({ id }: { id: string }) {
  const node = store().nodeById.get(id)!;
  const View = nodeTypes[node.type] as ComponentType<Record<string, unknown>>;
  return (
    <ReactFlowProvider>
      <View id={id} type={node.type} data={node.data} selected={false} dragging={false} zIndex={0} isConnectable positionAbsoluteX={0} positionAbsoluteY={0} />
    </ReactFlowProvider>
  );
}

describe('goal field', () => {
  it.each(['msg', 'ask', 'pick', 'agent', 'bye'])('is offered for the %s step and marks it as a goal', async (id) => {
    loadAndSelect(id);
    renderUi(<Inspector />);
    const input = screen.getByRole('textbox', { name: 'Goal' });
    await userEvent.type(input, 'Lead captured');
    expect(dataOf(id).goal).toEqual({ label: 'Lead captured' });
  });

  it('an emptied label removes the goal rather than saving a blank one', async () => {
    loadAndSelect('bye');
    renderUi(<Inspector />);
    const input = screen.getByRole('textbox', { name: 'Goal' });
    await userEvent.type(input, 'X');
    await userEvent.clear(input);
    expect(dataOf('bye', 'end')).toEqual({ text: 'Bye' });
    await userEvent.type(input, '   ');
    expect('goal' in dataOf('bye')).toBe(false);
  });

  it('the card shows the goal label and drops it when the goal is removed', () => {
    loadAndSelect(null);
    act(() => store().updateNodeData('bye', { text: 'Bye', goal: { label: 'Booking requested' } }));
    const { unmount } = render(<Card id="bye" />);
    expect(screen.getByText('Goal: Booking requested')).toBeInTheDocument();
    unmount();
    act(() => store().updateNodeData('bye', { text: 'Bye' }));
    render(<Card id="bye" />);
    expect(screen.queryByText(/Goal:/)).toBeNull();
  });
});
