import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VariablesPanel } from '../../../editor/src/flow-editor/panels/VariablesPanel';
import { dataOf, loadAndSelect, renderUi, store } from '../inspector/support';

afterEach(cleanup);

function open() {
  loadAndSelect(null);
  renderUi(<VariablesPanel />);
}

describe('VariablesPanel', () => {
  it('lists declared variables with type, default and description', () => {
    open();
    expect(screen.getByLabelText('Name of customerName')).toHaveValue('customerName');
    expect(screen.getByLabelText('Type of orderTotal')).toHaveValue('number');
    expect(screen.getByLabelText('Description of customerName')).toHaveValue('Full name');
    expect(screen.getByText('Captured by steps but not declared:')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Declare email' })).toBeInTheDocument();
  });

  it('renames a variable and every reference to it in the store', async () => {
    open();
    const name = screen.getByLabelText('Name of customerName');
    await userEvent.clear(name);
    await userEvent.type(name, 'fullName{Enter}');
    expect(store().meta.variables.map((v) => v.name)).toEqual(['fullName', 'orderTotal']);
    expect(dataOf('msg', 'message').text).toBe('Hello {{fullName}}');
    expect(store().canUndo).toBe(true);
    store().undo();
    expect(dataOf('msg', 'message').text).toBe('Hello {{customerName}}');
  });

  it('validates names inline and does not rename to a taken or invalid name', async () => {
    open();
    const name = screen.getByLabelText('Name of customerName');
    await userEvent.clear(name);
    await userEvent.type(name, 'orderTotal');
    expect(screen.getByRole('alert')).toHaveTextContent('A variable called orderTotal already exists.');
    fireEvent.blur(name);
    await userEvent.clear(name);
    await userEvent.type(name, 'first-name');
    expect(screen.getByRole('alert')).toHaveTextContent('Use English letters without accents (a–z), digits and _ only');
    expect(screen.getByRole('button', { name: 'Use first_name' })).toBeInTheDocument();
    fireEvent.blur(name);
    expect(store().meta.variables.map((v) => v.name)).toEqual(['customerName', 'orderTotal']);
  });

  it('adds a variable, rejecting duplicates of captured names', async () => {
    open();
    const input = screen.getByLabelText('New variable');
    await userEvent.type(input, 'email');
    expect(screen.getByRole('alert')).toHaveTextContent('already exists');
    expect(screen.getByRole('button', { name: 'Add variable' })).toBeDisabled();
    await userEvent.clear(input);
    await userEvent.type(input, 'zip');
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'number');
    await userEvent.click(screen.getByRole('button', { name: 'Add variable' }));
    expect(store().meta.variables).toContainEqual({ name: 'zip', type: 'number' });
  });

  it('edits defaults per type with inline errors', async () => {
    open();
    const def = screen.getByLabelText('Default of orderTotal');
    await userEvent.type(def, '12x');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a number');
    expect(store().meta.variables[1]).toEqual({ name: 'orderTotal', type: 'number', default: 12 });
    await userEvent.clear(def);
    await userEvent.type(def, '2.5');
    expect(store().meta.variables[1]).toEqual({ name: 'orderTotal', type: 'number', default: 2.5 });
    fireEvent.change(screen.getByLabelText('Description of orderTotal'), { target: { value: 'Basket value' } });
    expect(store().meta.variables[1]).toEqual({ name: 'orderTotal', type: 'number', default: 2.5, description: 'Basket value' });
  });

  it('warns before deleting a variable that steps use, and deletes an unused one at once', async () => {
    open();
    await userEvent.click(screen.getByRole('button', { name: 'Delete customerName' }));
    expect(screen.getByRole('alert')).toHaveTextContent('customerName is used in 1 step.');
    expect(store().meta.variables).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(store().meta.variables).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Delete customerName' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete anyway' }));
    expect(store().meta.variables.map((v) => v.name)).toEqual(['orderTotal']);

    store().deleteElements(['cond'], []);
    await userEvent.click(screen.getByRole('button', { name: 'Delete orderTotal' }));
    expect(store().meta.variables).toEqual([]);
  });
});
