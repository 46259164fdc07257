import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector } from '../../../editor/src/flow-editor/inspector/Inspector';
import { dataOf, loadAndSelect, renderUi, store } from './support';

afterEach(cleanup);

const branches = () => dataOf('cond', 'condition').branches;

function open() {
  loadAndSelect('cond');
  renderUi(<Inspector />);
}

describe('condition rule builder', () => {
  it('offers declared and captured variables in the variable dropdown', () => {
    open();
    const rule = screen.getByRole('group', { name: 'Rule 1' });
    const names = within(within(rule).getByLabelText('Variable')).getAllByRole('option').map((o) => o.textContent);
    expect(names).toEqual(['customerName', 'orderTotal', 'attempts', 'email']);
  });

  it('uses plain-language operators, hides the value for "is empty" and keeps numbers numeric', async () => {
    open();
    const rule = screen.getByRole('group', { name: 'Rule 1' });
    const op = within(rule).getByLabelText('Comparison');
    expect(within(op).getAllByRole('option').map((o) => o.textContent)).toEqual(
      expect.arrayContaining(['is', 'is not', 'contains', 'is greater than', 'has a value', 'is empty']),
    );
    fireEvent.change(within(rule).getByLabelText('Value'), { target: { value: '250' } });
    expect(branches()[0]!.rules[0]).toEqual({ variable: 'orderTotal', op: 'gt', value: 250 });
    await userEvent.selectOptions(op, 'isEmpty');
    expect(within(rule).queryByLabelText('Value')).not.toBeInTheDocument();
    expect(branches()[0]!.rules[0]).toEqual({ variable: 'orderTotal', op: 'isEmpty' });
    await userEvent.selectOptions(op, 'equals');
    await userEvent.selectOptions(within(rule).getByLabelText('Variable'), 'customerName');
    fireEvent.change(within(rule).getByLabelText('Value'), { target: { value: '42' } });
    expect(branches()[0]!.rules[0]).toEqual({ variable: 'customerName', op: 'equals', value: '42' });
  });

  it('flags a bad regular expression inline', async () => {
    open();
    const rule = screen.getByRole('group', { name: 'Rule 1' });
    await userEvent.selectOptions(within(rule).getByLabelText('Comparison'), 'matches');
    fireEvent.change(within(rule).getByLabelText('Value'), { target: { value: '(unclosed' } });
    expect(within(rule).getByRole('alert')).toHaveTextContent('This pattern is not valid');
    fireEvent.change(within(rule).getByLabelText('Value'), { target: { value: '^VIP-\\d+$' } });
    expect(within(rule).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('adds and removes rules and switches between all and any', async () => {
    open();
    await userEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    expect(branches()[0]!.rules).toHaveLength(2);
    expect(branches()[0]!.rules[1]).toEqual({ variable: 'customerName', op: 'equals', value: '' });
    await userEvent.selectOptions(screen.getByLabelText('How the rules of "Big order" combine'), 'any');
    expect(branches()[0]!.match).toBe('any');
    await userEvent.click(screen.getByRole('button', { name: 'Remove rule 1' }));
    expect(branches()[0]!.rules).toEqual([{ variable: 'customerName', op: 'equals', value: '' }]);
  });

  it('adds, labels, reorders and removes branches, dropping the removed branch connection', async () => {
    open();
    await userEvent.click(screen.getByRole('button', { name: 'Add a path' }));
    expect(branches()).toHaveLength(2);
    expect(branches()[1]!.id).not.toBe('big');
    await userEvent.type(screen.getByLabelText('Name of path 2'), 'Returning');
    await userEvent.click(screen.getByRole('button', { name: 'Move "Returning" up' }));
    expect(branches().map((b) => b.label)).toEqual(['Returning', 'Big order']);
    expect(store().edges.some((e) => e.source === 'cond' && e.sourceHandle === 'big')).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Remove path "Big order"' }));
    expect(branches().map((b) => b.label)).toEqual(['Returning']);
    expect(store().edges.some((e) => e.source === 'cond' && e.sourceHandle === 'big')).toBe(false);
  });
});
