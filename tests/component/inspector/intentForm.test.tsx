import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dataOf, edgesFrom, openInspector, store } from './intentFaqHttpDoc';
import { Inspector } from '../../../editor/src/flow-editor/inspector/Inspector';
import { flowDocumentSchema } from '../../../runtime/src/schema';
import { NODE_MIN_THRESHOLD, thresholdFloor } from '../../../runtime/src/nlu/thresholdFloor';
import { loadAndSelect, renderUi } from './support';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const intentRows = () => screen.getAllByTestId('intent-row');

describe('intent form', () => {
  it('renders intents, phrases and the none-of-these list', () => {
    openInspector('nlu');
    expect(screen.getByRole('heading', { name: 'Understand text' })).toBeInTheDocument();
    expect(screen.getByLabelText('Name of intent 1')).toHaveValue('Track order');
    expect(screen.getByLabelText('Name of intent 2')).toHaveValue('Refund');
    const track = within(screen.getByRole('list', { name: 'Example phrases of Track order' }));
    expect(track.getAllByTestId('phrase').map((li) => li.textContent)).toEqual(['where is my order', 'track my parcel']);
    expect(within(screen.getByRole('list', { name: 'Example phrases of None of these' })).getByText('what is the weather')).toBeInTheDocument();
  });

  it('links to what customers wrote at this step that it did not understand', () => {
    openInspector('nlu');
    expect(screen.getByRole('link', { name: 'Messages not understood at this step' })).toHaveAttribute('href', '/flows/flow-intent-faq-http/not-understood?step=nlu');
  });

  it('renames an intent through updateNodeData, keeping its id (the handle)', () => {
    const spy = vi.spyOn(store(), 'updateNodeData');
    openInspector('nlu');
    fireEvent.change(screen.getByLabelText('Name of intent 2'), { target: { value: 'Money back' } });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![0]).toBe('nlu');
    expect(dataOf('nlu', 'intent').intents[1]).toEqual({ id: 'refund', name: 'Money back', examples: ['I want my money back'] });
  });

  it('adds a phrase with Enter, ignores a duplicate that differs only in case and punctuation, and removes one', async () => {
    openInspector('nlu');
    const input = screen.getByLabelText('Add an example phrase to Refund');
    await userEvent.type(input, 'give me a refund{Enter}');
    expect(input).toHaveValue('');
    expect(dataOf('nlu', 'intent').intents[1]!.examples).toEqual(['I want my money back', 'give me a refund']);
    await userEvent.type(input, 'Give me a REFUND!{Enter}');
    expect(dataOf('nlu', 'intent').intents[1]!.examples).toHaveLength(2);
    expect(screen.getByText('Added 0 phrases; 1 already on the list.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Remove phrase "I want my money back"' }));
    expect(dataOf('nlu', 'intent').intents[1]!.examples).toEqual(['give me a refund']);
  });

  it('pastes many phrases at once, one per line, skipping blanks and duplicates', async () => {
    openInspector('nlu');
    const row = within(intentRows()[0]!);
    await userEvent.click(row.getByRole('button', { name: 'Paste many phrases' }));
    const area = row.getByLabelText('Paste phrases for Track order, one per line');
    fireEvent.change(area, { target: { value: 'order status\n\n  where is my parcel  \nWhere is my order?\norder status\r\nhas my package shipped' } });
    await userEvent.click(row.getByRole('button', { name: 'Add 5 phrases' }));
    expect(dataOf('nlu', 'intent').intents[0]!.examples).toEqual([
      'where is my order',
      'track my parcel',
      'order status',
      'where is my parcel',
      'has my package shipped',
    ]);
    expect(screen.getByText('Added 3 phrases; 2 already on the list.')).toBeInTheDocument();
    expect(row.queryByLabelText('Paste phrases for Track order, one per line')).not.toBeInTheDocument();
  });

  it('warns inline when the same normalised phrase sits under two intents or under none-of-these', async () => {
    openInspector('nlu');
    expect(screen.queryByText(/also used elsewhere/)).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Add an example phrase to Refund'), 'Where is my ORDER?{Enter}');
    const refund = within(intentRows()[1]!);
    expect(refund.getByText('1 phrase is also used elsewhere, so the bot can\'t tell which one is meant.')).toBeInTheDocument();
    expect(refund.getByText('Also under: Track order')).toBeInTheDocument();
    const track = within(intentRows()[0]!);
    expect(track.getByText('Also under: Refund')).toBeInTheDocument();
    const clashing = track.getAllByTestId('phrase').find((li) => li.textContent?.startsWith('where is my order'));
    expect(clashing).toHaveClass('sb-phrase--clash');

    await userEvent.type(screen.getByLabelText('Add an example phrase to None of these'), 'track my parcel{Enter}');
    expect(track.getByText('Also under: None of these')).toBeInTheDocument();
  });

  it('adds an intent as a new output, and removing one deletes its connection', async () => {
    openInspector('nlu');
    await userEvent.click(screen.getByRole('button', { name: 'Add an intent' }));
    const intents = dataOf('nlu', 'intent').intents;
    expect(intents).toHaveLength(3);
    expect(intents[2]).toMatchObject({ name: '', examples: [] });
    expect(intents[2]!.id).toMatch(/^intent_/);
    expect(edgesFrom('nlu')).toEqual(['track', 'refund']);
    await userEvent.click(screen.getByRole('button', { name: 'Remove intent "Refund"' }));
    expect(dataOf('nlu', 'intent').intents.map((i) => i.id)).toEqual(['track', intents[2]!.id]);
    expect(edgesFrom('nlu')).toEqual(['track']);
  });

  it('shows the calibrated threshold, then a slider from "asks again" to "guesses" mapped to the threshold', async () => {
    openInspector('nlu');
    const now = await screen.findByText(/^Now \d+%: worked out from your phrases\.$/, undefined, { timeout: 3000 });
    const calibrated = Number(/(\d+)%/.exec(now.textContent ?? '')![1]) / 100;
    // The automatic value is the published one: calibrated, then raised to the step's floor.
    const intentCount = dataOf('nlu', 'intent').intents.length;
    expect(calibrated).toBeGreaterThanOrEqual(Math.floor(thresholdFloor(NODE_MIN_THRESHOLD, intentCount) * 100) / 100);
    const slider = screen.getByRole('slider', { name: 'Minimum confidence' });
    expect(slider).toBeDisabled();
    expect(screen.getByText('Asks again more often')).toBeInTheDocument();
    expect(screen.getByText('Guesses more often')).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Set automatically from the example phrases'));
    // Taking over starts from the calibrated value, on the slider's 5% steps.
    expect(dataOf('nlu', 'intent').threshold).toBeCloseTo(Math.round(calibrated * 20) / 20, 5);
    // Left is "asks again more often": a slider position of 0.25 is a threshold of 0.75.
    fireEvent.change(slider, { target: { value: '0.25' } });
    expect(dataOf('nlu', 'intent').threshold).toBe(0.75);
    expect(screen.getByText('Needs 75% confidence.')).toBeInTheDocument();
    expect(slider).toHaveAttribute('aria-valuetext', 'needs 75% confidence');
    fireEvent.change(slider, { target: { value: '0.9' } });
    expect(dataOf('nlu', 'intent').threshold).toBe(0.1);
    await userEvent.click(screen.getByLabelText('Set automatically from the example phrases'));
    expect(dataOf('nlu', 'intent')).not.toHaveProperty('threshold');
  });

  it('says where a typed message would go, with the model a published flow runs', async () => {
    openInspector('nlu');
    const check = within(screen.getByTestId('model-check'));
    const input = await check.findByLabelText('Try a message', undefined, { timeout: 3000 });
    await userEvent.type(input, 'track my parcel please');
    expect(check.getByRole('status')).toHaveTextContent(/^Goes to “Track order” \(\d+% sure; needs \d+%\)\.$/);
    await userEvent.clear(input);
    await userEvent.type(input, 'tell me a joke');
    expect(check.getByRole('status')).toHaveTextContent(/^The bot would ask again/);
  });

  it('warns, after a pause in typing, that two intents are too close', async () => {
    openInspector('nlu');
    const check = within(screen.getByTestId('model-check'));
    await check.findByText('No two intents are too close.', undefined, { timeout: 3000 });
    const track = ['where is my order', 'track my parcel', 'has my package shipped', 'when does my order arrive', 'order status'];
    const late = ['my order is late', 'where is my late order', 'order not arrived', 'my parcel is late', 'package not here yet'];
    act(() => {
      store().updateNodeData('nlu', {
        ...dataOf('nlu', 'intent'),
        intents: [
          { id: 'track', name: 'Track order', examples: track },
          { id: 'refund', name: 'Late order', examples: late },
        ],
      });
    });
    const warning = await check.findByText('“Late order” and “Track order” are too close. The bot nearly mixes them up on:', undefined, { timeout: 3000 });
    expect(warning.closest('li')).toHaveTextContent(/order/);
  });

  it('picks the variables for the intent name and the confidence, declaring a new one', async () => {
    openInspector('nlu');
    await userEvent.selectOptions(screen.getByLabelText("Save the intent's name as"), 'orderId');
    expect(dataOf('nlu', 'intent').intentVariable).toBe('orderId');
    await userEvent.selectOptions(screen.getByLabelText('Save the confidence as'), '\u0000create');
    await userEvent.type(screen.getByPlaceholderText('new_variable_name'), 'score{Enter}');
    expect(dataOf('nlu', 'intent').confidenceVariable).toBe('score');
    expect(store().meta.variables).toContainEqual({ name: 'score', type: 'number' });
  });
});

describe('intent form: ask the language model when unsure', () => {
  function openUnsure() {
    const doc = flowDocumentSchema.parse({
      schemaVersion: 2,
      id: 'unsure-form',
      name: 'Unsure form',
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'i', type: 'intent', position: { x: 0, y: 100 }, data: { intents: [{ id: 'track', name: 'track order', examples: ['where is my order'] }] } },
      ],
      edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'i' }],
    });
    loadAndSelect('i', doc);
    return renderUi(<Inspector />);
  }
  const intentData = () => dataOf('i', 'intent');

  it('is off by default; on, it offers a time limit kept within 1–10 seconds; off again removes both', async () => {
    openUnsure();
    const box = screen.getByRole('checkbox', { name: 'Ask the language model when unsure' });
    expect(box).not.toBeChecked();
    expect(screen.getByText(/Organisation settings → Language model/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Time limit (seconds)')).toBeNull();
    await userEvent.click(box);
    expect(intentData().askModelWhenUnsure).toBe(true);
    const limit = screen.getByLabelText('Time limit (seconds)');
    expect(limit).toHaveAttribute('placeholder', '3');
    fireEvent.change(limit, { target: { value: '25' } });
    expect(intentData().modelTimeBudget).toBe(10);
    fireEvent.change(limit, { target: { value: '5' } });
    expect(intentData().modelTimeBudget).toBe(5);
    await userEvent.click(box);
    expect(intentData().askModelWhenUnsure).toBeUndefined();
    expect(intentData().modelTimeBudget).toBeUndefined();
  });
});
