import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, createEvent, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector } from '../../../editor/src/flow-editor/inspector/Inspector';
import { dataOf, loadAndSelect, renderUi, store } from './support';

afterEach(cleanup);

const options = () => dataOf('pick', 'choice').options;
const labels = () => options().map((o) => o.label);

function open() {
  loadAndSelect('pick');
  renderUi(<Inspector />);
}

describe('options editor', () => {
  it('adds an option with a fresh unique id and edits its label', async () => {
    open();
    await userEvent.click(screen.getByRole('button', { name: 'Add a button' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a button' }));
    const ids = options().map((o) => o.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    await userEvent.type(screen.getByLabelText('Text of button 4'), 'Savings');
    expect(labels()).toEqual(['Card', 'Loan', 'Other', 'Savings', '']);
  });

  it('removes an option and the connection leaving it', async () => {
    open();
    expect(store().edges.some((e) => e.sourceHandle === 'loan')).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Remove button "Loan"' }));
    expect(labels()).toEqual(['Card', 'Other']);
    expect(store().edges.some((e) => e.sourceHandle === 'loan')).toBe(false);
    expect(store().edges.some((e) => e.sourceHandle === 'card')).toBe(true);
  });

  it('reorders with the up and down buttons, keeping ids', async () => {
    open();
    await userEvent.click(screen.getByRole('button', { name: 'Move "Other" up' }));
    expect(options().map((o) => o.id)).toEqual(['card', 'other', 'loan']);
    await userEvent.click(screen.getByRole('button', { name: 'Move "Card" down' }));
    expect(labels()).toEqual(['Other', 'Card', 'Loan']);
    expect(screen.getByRole('button', { name: 'Move "Other" up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move "Loan" down' })).toBeDisabled();
  });

  it('reorders by dragging one option onto another', () => {
    open();
    const rows = screen.getAllByTestId('option-row');
    const handle = rows[2]!.querySelector('[draggable="true"]')!;
    const dataTransfer = { setData: () => {}, effectAllowed: '', dropEffect: '' };
    fireEvent(handle, Object.assign(createEvent.dragStart(handle), { dataTransfer }));
    fireEvent(rows[0]!, Object.assign(createEvent.dragOver(rows[0]!), { dataTransfer }));
    fireEvent(rows[0]!, Object.assign(createEvent.drop(rows[0]!), { dataTransfer }));
    expect(labels()).toEqual(['Other', 'Card', 'Loan']);
  });

  it('adds synonyms as chips with Enter and commas, and removes them', async () => {
    open();
    const card = screen.getAllByTestId('option-row')[0]!;
    expect(within(card).getByText('credit card')).toBeInTheDocument();
    const input = within(card).getByLabelText('Add another word for "Card"');
    await userEvent.type(input, 'visa{Enter}');
    await userEvent.type(input, 'debit, Credit Card{Enter}');
    expect(options()[0]!.synonyms).toEqual(['credit card', 'visa', 'debit']);
    await userEvent.click(within(card).getByRole('button', { name: 'Remove "credit card"' }));
    expect(options()[0]!.synonyms).toEqual(['visa', 'debit']);
    await userEvent.click(within(card).getByRole('button', { name: 'Remove "visa"' }));
    await userEvent.click(within(card).getByRole('button', { name: 'Remove "debit"' }));
    expect(options()[0]).toEqual({ id: 'card', label: 'Card' });
  });
});
