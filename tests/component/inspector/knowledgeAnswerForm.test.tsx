import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector } from '../../../editor/src/flow-editor/inspector/Inspector';
import { flowDocumentSchema } from '../../../runtime/src/schema';
import { dataOf, loadAndSelect, renderUi } from './support';

afterEach(cleanup);

function open() {
  const doc = flowDocumentSchema.parse({
    schemaVersion: 2,
    id: 'kb-form',
    name: 'Knowledge form',
    variables: [{ name: 'question', type: 'string' }],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'kb', type: 'knowledgeAnswer', position: { x: 0, y: 100 }, data: { askHelpful: true } },
    ],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'kb' }],
  });
  loadAndSelect('kb', doc);
  return renderUi(<Inspector />);
}

const data = () => dataOf('kb', 'knowledgeAnswer');

describe('Answer from knowledge form', () => {
  it('answers the customer’s message by default, and switches to a question template', async () => {
    open();
    expect(screen.getByRole('radio', { name: "The customer's message" })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'A variable or text' }));
    expect(data().question).toBe('');
    fireEvent.change(screen.getByRole('combobox', { name: 'Question' }), { target: { value: '{{question}}' } });
    expect(data().question).toBe('{{question}}');
    await userEvent.click(screen.getByRole('radio', { name: "The customer's message" }));
    expect(data().question).toBeUndefined();
  });

  it('edits the tone, the passages (kept within 1–10) and the feedback question', async () => {
    open();
    fireEvent.change(screen.getByLabelText('Tone'), { target: { value: 'Friendly, informal' } });
    expect(data().tone).toBe('Friendly, informal');
    fireEvent.change(screen.getByLabelText('Passages to quote'), { target: { value: '25' } });
    expect(data().maxPassages).toBe(10);
    fireEvent.change(screen.getByLabelText('Passages to quote'), { target: { value: '' } });
    expect(data().maxPassages).toBeUndefined();
    expect(screen.getByRole('checkbox', { name: 'Ask "Did that help?" after answering' })).toBeChecked();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Ask "Did that help?" after answering' }));
    expect(data().askHelpful).toBeUndefined();
  });
});
