import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector } from '../../../editor/src/flow-editor/inspector/Inspector';
import { dataOf, loadAndSelect, renderUi, store } from './support';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function open(nodeId: string) {
  loadAndSelect(nodeId);
  return renderUi(<Inspector />);
}

describe('start form', () => {
  it('edits the label, and clearing it removes the field', async () => {
    open('start');
    const input = screen.getByLabelText('Name');
    expect(input).toHaveValue('Entry');
    await userEvent.clear(input);
    expect(dataOf('start')).toEqual({});
    await userEvent.type(input, 'Main');
    expect(dataOf('start')).toEqual({ label: 'Main' });
  });
});

describe('message form', () => {
  it('edits the text through updateNodeData with the whole data object', () => {
    const spy = vi.spyOn(store(), 'updateNodeData');
    open('msg');
    const text = screen.getByRole('combobox', { name: 'Message' });
    expect(text).toHaveValue('Hello {{customerName}}');
    fireEvent.change(text, { target: { value: 'Hi there' } });
    expect(spy).toHaveBeenCalledWith('msg', { text: 'Hi there', links: [{ label: 'Shop', url: 'https://shop.example.com' }] });
    expect(dataOf('msg', 'message').text).toBe('Hi there');
  });

  it('adds an image with url and description, then removes it', async () => {
    open('msg');
    await userEvent.click(screen.getByRole('button', { name: 'Add an image' }));
    fireEvent.change(screen.getByLabelText('Image address'), { target: { value: 'https://cdn.example.com/card.png' } });
    fireEvent.change(screen.getByLabelText('Image description'), { target: { value: 'A bank card' } });
    expect(dataOf('msg', 'message').image).toEqual({ url: 'https://cdn.example.com/card.png', alt: 'A bank card' });
    await userEvent.click(screen.getByRole('button', { name: 'Remove the image' }));
    expect(dataOf('msg', 'message').image).toBeUndefined();
  });

  it('edits link buttons and flags a disallowed scheme inline', async () => {
    open('msg');
    expect(screen.getByLabelText('Button text')).toHaveValue('Shop');
    fireEvent.change(screen.getByLabelText('Opens'), { target: { value: 'javascript:alert(1)' } });
    expect(dataOf('msg', 'message').links).toEqual([{ label: 'Shop', url: 'javascript:alert(1)' }]);
    expect(screen.getByRole('alert')).toHaveTextContent('"javascript:" links are not allowed');
    fireEvent.change(screen.getByLabelText('Opens'), { target: { value: 'mailto:help@example.com' } });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add a link button' }));
    expect(dataOf('msg', 'message').links).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Remove link 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove link 1' }));
    expect(dataOf('msg', 'message').links).toBeUndefined();
  });
});

describe('question form', () => {
  it('renders the values and edits text, kind, lengths and retries', async () => {
    open('ask');
    expect(screen.getByRole('combobox', { name: 'Question' })).toHaveValue('Your email?');
    expect(screen.getByLabelText('Expected answer')).toHaveValue('email');
    await userEvent.selectOptions(screen.getByLabelText('Expected answer'), 'text');
    fireEvent.change(screen.getByLabelText('Minimum length'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Maximum length'), { target: { value: '2' } });
    expect(screen.getByText('The maximum must not be below the minimum.')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Maximum length'), { target: { value: '12' } });
    fireEvent.change(screen.getByLabelText('Times to ask again'), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('When the answer is not accepted, say'), { target: { value: 'Please try again' } });
    fireEvent.change(screen.getByLabelText('Hint in the answer box'), { target: { value: 'name@example.com' } });
    expect(dataOf('ask')).toEqual({
      text: 'Your email?',
      variable: 'email',
      inputKind: 'text',
      minLength: 3,
      maxLength: 12,
      maxRetries: 4,
      retryText: 'Please try again',
      placeholder: 'name@example.com',
    });
  });

  it('checks the pattern live', async () => {
    open('ask');
    // Pattern and lengths are free-text rules; an e-mail question does not offer them.
    expect(screen.queryByLabelText('Must match (regular expression)')).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Expected answer'), 'text');
    const pattern = screen.getByLabelText('Must match (regular expression)');
    fireEvent.change(pattern, { target: { value: '([A-Z' } });
    expect(screen.getByRole('alert')).toHaveTextContent('This pattern is not valid');
    fireEvent.change(pattern, { target: { value: '[A-Z]{2}\\d+' } });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(dataOf('ask', 'question').pattern).toBe('[A-Z]{2}\\d+');
  });

  it('offers answer checks in plain words, each saying what it accepts, with the default retry text shown', async () => {
    open('ask');
    const kind = screen.getByLabelText('Expected answer');
    const labels = within(kind).getAllByRole('option').map((o) => o.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Digits only', 'Order number (letters and digits)', 'Postcode (PL)', 'A phone number', 'An e-mail address', 'A date', 'Yes or no']));
    await userEvent.selectOptions(kind, 'postcodePl');
    expect(screen.getByTestId('answer-check-rule')).toHaveTextContent('Polish postcode, 00-950 or 00950');
    expect(screen.getByLabelText('When the answer is not accepted, say')).toHaveAttribute('placeholder', 'Please enter a postcode like 00-950.');
    expect(dataOf('ask', 'question').inputKind).toBe('postcodePl');
  });

  it('says whether a number accepts negatives and decimals, and lets the manager choose', async () => {
    open('ask');
    await userEvent.selectOptions(screen.getByLabelText('Expected answer'), 'number');
    const negative = screen.getByRole('checkbox', { name: 'Allow negative numbers' });
    const decimals = screen.getByRole('checkbox', { name: 'Allow decimals' });
    // Defaults keep how numbers were always read.
    expect(negative).toBeChecked();
    expect(decimals).toBeChecked();
    expect(screen.getByTestId('answer-check-rule')).toHaveTextContent('12, -3, 12.5 or 12,5');
    await userEvent.click(negative);
    await userEvent.click(decimals);
    expect(dataOf('ask', 'question')).toMatchObject({ inputKind: 'number', allowNegative: false, allowDecimals: false });
    expect(screen.getByTestId('answer-check-rule')).toHaveTextContent('negative numbers and decimals are refused');
    expect(screen.getByLabelText('When the answer is not accepted, say')).toHaveAttribute('placeholder', 'Please enter a whole number that is not negative, for example 12.');
    await userEvent.click(decimals);
    expect(dataOf('ask', 'question').allowDecimals).toBeUndefined();
  });

  it('flags a custom retry text written for the previous answer check, and can swap it for the standard one', async () => {
    open('ask');
    const retry = screen.getByLabelText('When the answer is not accepted, say');
    fireEvent.change(retry, { target: { value: 'That is not an e-mail address.' } });
    expect(screen.queryByTestId('stale-retry-text')).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Expected answer'), 'number');
    // Kept (nothing typed is lost), but the manager is told it was written for e-mail addresses.
    expect(dataOf('ask', 'question').retryText).toBe('That is not an e-mail address.');
    expect(screen.getByTestId('stale-retry-text')).toHaveTextContent('(An e-mail address)');
    // Switching back to the check it was written for clears the warning.
    await userEvent.selectOptions(screen.getByLabelText('Expected answer'), 'email');
    expect(screen.queryByTestId('stale-retry-text')).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Expected answer'), 'phone');
    await userEvent.click(within(screen.getByTestId('stale-retry-text')).getByRole('button', { name: 'Use the standard sentence' }));
    expect(dataOf('ask', 'question').retryText).toBeUndefined();
    expect(screen.queryByTestId('stale-retry-text')).toBeNull();
    expect(screen.getByLabelText('When the answer is not accepted, say')).toHaveValue('');
  });

  it('picks an existing variable or creates one typed after the answer kind', async () => {
    open('ask');
    const picker = screen.getByLabelText('Save the answer as');
    expect(picker).toHaveValue('email');
    await userEvent.selectOptions(picker, 'customerName');
    expect(dataOf('ask', 'question').variable).toBe('customerName');

    await userEvent.selectOptions(screen.getByLabelText('Expected answer'), 'number');
    await userEvent.selectOptions(screen.getByLabelText('Save the answer as'), '+ New variable…');
    const input = screen.getByLabelText('Save the answer as');
    await userEvent.type(input, '9lives');
    expect(screen.getByRole('alert')).toHaveTextContent('Use English letters without accents (a–z), digits and _ only');
    await userEvent.clear(input);
    // A Polish name is explained and offered in the form the runtime reads.
    await userEvent.type(input, 'numer_zamówienia');
    expect(screen.getByRole('alert')).toHaveTextContent('For example numer_zamowienia.');
    await userEvent.click(screen.getByRole('button', { name: 'Use numer_zamowienia' }));
    expect(input).toHaveValue('numer_zamowienia');
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.clear(input);
    await userEvent.type(input, 'customerName');
    expect(screen.getByRole('alert')).toHaveTextContent('already exists');
    await userEvent.clear(input);
    await userEvent.type(input, 'age{Enter}');
    expect(dataOf('ask', 'question').variable).toBe('age');
    expect(store().meta.variables).toContainEqual({ name: 'age', type: 'number' });
  });
});

describe('choice form', () => {
  it('renders text and options and saves the choice to a variable', async () => {
    open('pick');
    expect(screen.getByRole('combobox', { name: 'Question' })).toHaveValue('What do you need?');
    expect(screen.getAllByTestId('option-row')).toHaveLength(3);
    await userEvent.selectOptions(screen.getByLabelText('Also save the choice as'), 'customerName');
    expect(dataOf('pick', 'choice').variable).toBe('customerName');
    await userEvent.selectOptions(screen.getByLabelText('Also save the choice as'), "Don't save");
    expect(dataOf('pick', 'choice')).not.toHaveProperty('variable');
  });
});

describe('condition form', () => {
  it('renders the branch and its rule', () => {
    open('cond');
    expect(screen.getByLabelText('Name of path 1')).toHaveValue('Big order');
    const rule = screen.getByRole('group', { name: 'Rule 1' });
    expect(within(rule).getByLabelText('Variable')).toHaveValue('orderTotal');
    expect(within(rule).getByLabelText('Comparison')).toHaveValue('gt');
    expect(within(rule).getByLabelText('Value')).toHaveValue('100');
  });
});

describe('set form', () => {
  it('renders an assignment and flags a broken calculation inline', () => {
    open('set');
    const row = screen.getByTestId('assignment-row');
    expect(within(row).getByLabelText('How to read the value')).toHaveValue('math');
    const value = within(row).getByLabelText('Value');
    expect(value).toHaveValue('{{attempts}} + 1');
    fireEvent.change(value, { target: { value: '(attempts + 1' } });
    expect(within(row).getByRole('alert')).toHaveTextContent('A bracket is not closed');
    fireEvent.change(value, { target: { value: 'attempts * 2 $' } });
    expect(within(row).getByRole('alert')).toHaveTextContent('"$" can\'t be used');
    fireEvent.change(value, { target: { value: '(attempts + 1) * 2' } });
    expect(within(row).queryByRole('alert')).not.toBeInTheDocument();
    expect(dataOf('set', 'set').assignments[0]).toEqual({ variable: 'attempts', value: '(attempts + 1) * 2', mode: 'math' });
  });

  it('adds, retargets, switches mode and removes assignments', async () => {
    open('set');
    await userEvent.click(screen.getByRole('button', { name: 'Add a value' }));
    const rows = screen.getAllByTestId('assignment-row');
    expect(rows).toHaveLength(2);
    const second = rows[1]!;
    await userEvent.selectOptions(within(second).getByLabelText('Variable'), 'orderTotal');
    await userEvent.selectOptions(within(second).getByLabelText('How to read the value'), 'literal');
    fireEvent.change(within(second).getByLabelText('Value'), { target: { value: '{{not a template}}' } });
    expect(dataOf('set', 'set').assignments[1]).toEqual({ variable: 'orderTotal', value: '{{not a template}}', mode: 'literal' });
    await userEvent.click(screen.getByRole('button', { name: 'Remove value 1' }));
    expect(dataOf('set', 'set').assignments).toEqual([{ variable: 'orderTotal', value: '{{not a template}}', mode: 'literal' }]);
  });
});

describe('handoff form', () => {
  it('renders values, offers known queues and edits every field', async () => {
    open('agent');
    const queue = screen.getByLabelText('Team queue');
    expect(queue).toHaveValue('billing');
    const listId = queue.getAttribute('list')!;
    const options = [...document.getElementById(listId)!.querySelectorAll('option')].map((o) => o.getAttribute('value'));
    expect(options).toEqual(['billing', 'cards', 'support']);
    expect(screen.getByLabelText('Priority')).toHaveValue('high');
    fireEvent.change(queue, { target: { value: '' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Name the queue');
    fireEvent.change(queue, { target: { value: 'cards' } });
    await userEvent.selectOptions(screen.getByLabelText('Priority'), 'urgent');
    fireEvent.change(screen.getByLabelText('Message to the customer'), { target: { value: 'One moment' } });
    fireEvent.change(screen.getByLabelText('Note for the agent'), { target: { value: 'Order {{orderTotal}}' } });
    expect(dataOf('agent')).toEqual({ text: 'One moment', queue: 'cards', priority: 'urgent', note: 'Order {{orderTotal}}' });
    await userEvent.selectOptions(screen.getByLabelText('Priority'), 'normal');
    expect(dataOf('agent')).not.toHaveProperty('priority');
  });
});

describe('jump form', () => {
  it('lists steps by their text and changes the target', async () => {
    open('jmp');
    const select = screen.getByLabelText('Continue at');
    expect(select).toHaveValue('msg');
    const labels = within(select).getAllByRole('option').map((o) => o.textContent);
    expect(labels).toContain('Message: Hello {{customerName}}');
    expect(labels).toContain('End: Bye');
    expect(labels.some((l) => l?.startsWith('Jump'))).toBe(false);
    await userEvent.selectOptions(select, 'End: Bye');
    expect(dataOf('jmp')).toEqual({ target: 'bye' });
  });

  it('asks for a target when the current one does not exist', () => {
    loadAndSelect('jmp');
    store().updateNodeData('jmp', { target: 'jmp' });
    renderUi(<Inspector />);
    expect(screen.getByRole('alert')).toHaveTextContent('Choose the step to continue at.');
  });
});

describe('end form', () => {
  it('edits the goodbye text', () => {
    open('bye');
    fireEvent.change(screen.getByLabelText('Goodbye message'), { target: { value: 'Thanks, {{customerName}}!' } });
    expect(dataOf('bye')).toEqual({ text: 'Thanks, {{customerName}}!' });
  });
});
