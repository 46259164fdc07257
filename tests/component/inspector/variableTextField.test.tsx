import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { VariableTextField } from '../../../editor/src/flow-editor/inspector/VariableTextField';
import { Inspector } from '../../../editor/src/flow-editor/inspector/Inspector';
import { insertVariable, openTemplateAt } from '../../../editor/src/flow-editor/inspector/templateCompletion';
import { dataOf, loadAndSelect, renderUi } from './support';

afterEach(cleanup);

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return <VariableTextField aria-label="Text" value={value} onChange={setValue} variables={['customerName', 'city', 'orderTotal']} />;
}

describe('{{variable}} completion helpers', () => {
  it('finds the open placeholder before the caret only', () => {
    expect(openTemplateAt('Hi {{cu', 7)).toEqual({ start: 3, query: 'cu' });
    expect(openTemplateAt('Hi {{cu}} there', 15)).toBeNull();
    expect(openTemplateAt('Hi {', 4)).toBeNull();
  });

  it('completes and swallows braces already typed', () => {
    expect(insertVariable('Hi {{cu}}!', 7, { start: 3, query: 'cu' }, 'customerName')).toEqual({ text: 'Hi {{customerName}}!', caret: 19 });
  });
});

describe('VariableTextField', () => {
  it('opens an accessible listbox on {{ and inserts with arrows and Enter', async () => {
    renderUi(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Text' });
    expect(box).toHaveAttribute('aria-expanded', 'false');
    await userEvent.type(box, 'Hello {{{{');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    const list = screen.getByRole('listbox');
    expect(box).toHaveAttribute('aria-controls', list.id);
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['{{customerName}}', '{{city}}', '{{orderTotal}}']);
    expect(box).toHaveAttribute('aria-activedescendant', options[0]!.id);
    await userEvent.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', options[1]!.id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');
    expect(box).toHaveValue('Hello {{city}}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
  });

  it('filters as you type and closes with Escape', async () => {
    renderUi(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Text' });
    await userEvent.type(box, '{{{{or');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['{{orderTotal}}']);
    await userEvent.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveValue('{{or');
  });

  it('inserts on click', async () => {
    renderUi(<Harness initial="Dear " />);
    const box = screen.getByRole('combobox', { name: 'Text' });
    await userEvent.click(box);
    await userEvent.keyboard('{End}{{{{');
    await userEvent.click(screen.getByRole('option', { name: '{{customerName}}' }));
    expect(box).toHaveValue('Dear {{customerName}}');
  });

  it('reads declared and captured variables from the flow in the inspector', async () => {
    loadAndSelect('bye');
    renderUi(<Inspector />);
    const box = screen.getByRole('combobox', { name: 'Goodbye message' });
    await userEvent.clear(box);
    await userEvent.type(box, 'Bye {{{{');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      '{{customerName}}',
      '{{orderTotal}}',
      '{{attempts}}',
      '{{email}}',
    ]);
    await userEvent.keyboard('{ArrowUp}{Enter}');
    expect(dataOf('bye')).toEqual({ text: 'Bye {{email}}' });
  });
});
