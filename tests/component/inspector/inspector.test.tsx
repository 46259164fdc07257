import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector } from '../../../editor/src/flow-editor/inspector/Inspector';
import { loadAndSelect, renderUi, store } from './support';

afterEach(cleanup);

describe('Inspector', () => {
  it('shows a hint when nothing is selected', () => {
    loadAndSelect(null);
    renderUi(<Inspector />);
    expect(screen.getByText(/select a step on the canvas/i)).toBeInTheDocument();
  });

  it('shows the count and deletes several selected steps', async () => {
    loadAndSelect(null);
    store().selectNodes(['msg', 'bye']);
    renderUi(<Inspector />);
    expect(screen.getByText('2 steps selected')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete 2 steps' }));
    expect(store().nodeById.has('msg')).toBe(false);
    expect(store().nodeById.has('bye')).toBe(false);
    expect(screen.getByText(/select a step on the canvas/i)).toBeInTheDocument();
  });

  it("shows the validator's problems for the selected step at the top", () => {
    loadAndSelect('ask');
    act(() =>
      store().setProblems([
        { severity: 'warning', code: 'unreachable-node', message: 'The question "Your email?" cannot be reached', nodeId: 'ask' },
        { severity: 'error', code: 'unconnected-output', message: 'The question "Your email?" leads nowhere', nodeId: 'ask' },
        { severity: 'error', code: 'unconnected-output', message: 'Something else', nodeId: 'msg' },
      ]),
    );
    renderUi(<Inspector />);
    const list = screen.getByRole('list', { name: 'Problems in this step' });
    const items = list.querySelectorAll('li');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('leads nowhere');
    expect(items[1]).toHaveTextContent('cannot be reached');
    expect(screen.queryByText('Something else')).not.toBeInTheDocument();
  });

  it('shows two problems and the rest on request', async () => {
    loadAndSelect('ask');
    act(() =>
      store().setProblems([
        { severity: 'warning', code: 'unreachable-node', message: 'one', nodeId: 'ask' },
        { severity: 'warning', code: 'empty-message', message: 'two', nodeId: 'ask' },
        { severity: 'error', code: 'unconnected-output', message: 'three', nodeId: 'ask' },
      ]),
    );
    renderUi(<Inspector />);
    const list = () => screen.getByRole('list', { name: 'Problems in this step' });
    expect([...list().querySelectorAll('li')].map((li) => li.textContent)).toEqual(['three', 'one']);
    await userEvent.click(screen.getByRole('button', { name: 'Show 1 more problem' }));
    expect(list().querySelectorAll('li')).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(list().querySelectorAll('li')).toHaveLength(2);
  });

  it('follows the selection to another step', () => {
    loadAndSelect('msg');
    renderUi(<Inspector />);
    expect(screen.getByRole('heading', { name: 'Message' })).toBeInTheDocument();
    act(() => store().selectNode('bye'));
    expect(screen.getByRole('heading', { name: 'End' })).toBeInTheDocument();
    expect(screen.getByLabelText('Goodbye message')).toHaveValue('Bye');
  });

  it('deletes the selected step from its header, but offers no delete for the start', async () => {
    loadAndSelect('start');
    const { unmount } = renderUi(<Inspector />);
    expect(screen.queryByRole('button', { name: 'Delete this step' })).not.toBeInTheDocument();
    unmount();
    loadAndSelect('bye');
    renderUi(<Inspector />);
    await userEvent.click(screen.getByRole('button', { name: 'Delete this step' }));
    expect(store().nodeById.has('bye')).toBe(false);
  });
});
