import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dataOf, openInspector } from './intentFaqHttpDoc';

afterEach(cleanup);

const items = () => dataOf('help', 'faq').items;

async function upload(text: string, name = 'faq.csv') {
  await userEvent.upload(screen.getByLabelText('CSV file with questions and answers'), new File([text], name, { type: 'text/csv' }));
}

describe('FAQ form', () => {
  it('lists the pairs folded to their questions and edits a question, variant and answer', async () => {
    openInspector('help');
    expect(screen.getByText('Questions and answers (2)')).toBeInTheDocument();
    const first = within(screen.getAllByTestId('faq-item')[0]!);
    // Complete pairs start folded; opening one shows its fields.
    expect(first.queryByLabelText('Question 1')).not.toBeInTheDocument();
    await userEvent.click(first.getByText('What are your opening hours?'));
    fireEvent.change(first.getByLabelText('Question 1'), { target: { value: 'When are you open?' } });
    // Still open after the edit: typing must not fold the pair shut.
    await userEvent.type(first.getByLabelText('Add an example phrase to When are you open?'), 'opening times{Enter}');
    fireEvent.change(first.getByRole('combobox', { name: 'Answer 1' }), { target: { value: 'From 9 to 5, {{orderId}}' } });
    expect(items()[0]).toEqual({
      id: 'hours',
      question: 'When are you open?',
      variants: ['when are you open', 'opening times'],
      answer: 'From 9 to 5, {{orderId}}',
    });
  });

  it('flags a variant that another question also has', async () => {
    openInspector('help');
    await userEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    const added = within(screen.getAllByTestId('faq-item')[2]!);
    fireEvent.change(added.getByLabelText('Question 3'), { target: { value: 'When are you OPEN' } });
    await userEvent.click(screen.getByText('What are your opening hours?'));
    expect(screen.getByText('Also under: When are you OPEN')).toBeInTheDocument();
  });

  it('imports a CSV: shows the count and every bad line with its number, then appends the good pairs', async () => {
    openInspector('help');
    await upload('question,answer\nDo you deliver on Sundays?,No\nthis line has no answer\n"Can I pay by card?","Yes, all cards."\n,orphan answer\n');
    const preview = within(screen.getByRole('region', { name: 'Import of faq.csv' }));
    expect(preview.getByText('2 questions found in faq.csv.')).toBeInTheDocument();
    expect(preview.getByText('2 lines could not be read and will be skipped:')).toBeInTheDocument();
    const errors = within(preview.getByRole('list', { name: 'Lines that could not be read' })).getAllByRole('listitem');
    expect(errors.map((li) => li.textContent)).toEqual([
      'Line 3: expected 2 columns (question, answer), found 1.',
      'Line 5: the question is empty.',
    ]);
    // Nothing changes before the user confirms.
    expect(items()).toHaveLength(2);
    await userEvent.click(preview.getByRole('button', { name: 'Add 2 questions' }));
    expect(items()).toHaveLength(4);
    expect(items().slice(2).map(({ question, answer }) => ({ question, answer }))).toEqual([
      { question: 'Do you deliver on Sundays?', answer: 'No' },
      { question: 'Can I pay by card?', answer: 'Yes, all cards.' },
    ]);
    expect(new Set(items().map((i) => i.id)).size).toBe(4);
    expect(screen.queryByRole('region', { name: 'Import of faq.csv' })).not.toBeInTheDocument();
  });

  it('cancelling an import changes nothing, and a file with only bad lines cannot be added', async () => {
    openInspector('help');
    await upload('"never closed,answer\n', 'broken.csv');
    const preview = within(screen.getByRole('region', { name: 'Import of broken.csv' }));
    expect(preview.getByText('Line 1: a quote opened here is never closed.')).toBeInTheDocument();
    expect(preview.getByRole('button', { name: 'Add 0 questions' })).toBeDisabled();
    await userEvent.click(preview.getByRole('button', { name: 'Cancel' }));
    expect(items()).toHaveLength(2);
  });

  it('edits the threshold and the "Did that help?" question', async () => {
    openInspector('help');
    await userEvent.click(screen.getByLabelText('Ask "Did that help?" after answering'));
    expect(dataOf('help', 'faq').askHelpful).toBe(true);
    const text = screen.getByRole('combobox', { name: 'Feedback question' });
    expect(text).toHaveAttribute('placeholder', 'Did that help?');
    fireEvent.change(text, { target: { value: 'Was this useful?' } });
    expect(dataOf('help', 'faq').helpfulText).toBe('Was this useful?');
    await userEvent.click(screen.getByLabelText('Set automatically from the example phrases'));
    fireEvent.change(screen.getByRole('slider', { name: 'Minimum confidence' }), { target: { value: '0.4' } });
    expect(dataOf('help', 'faq').threshold).toBe(0.6);
    await userEvent.click(screen.getByLabelText('Ask "Did that help?" after answering'));
    expect(dataOf('help', 'faq')).not.toHaveProperty('askHelpful');
  });
});
