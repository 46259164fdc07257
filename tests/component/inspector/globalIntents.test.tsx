import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsPanel } from '../../../editor/src/flow-editor/panels/SettingsPanel';
import { loadAndSelect } from './support';
import { intentFaqHttpDoc, store } from './intentFaqHttpDoc';

afterEach(cleanup);

const global = () => store().meta.settings.globalIntents;

function open() {
  loadAndSelect(null, intentFaqHttpDoc());
  render(<SettingsPanel />);
  return within(screen.getByRole('group', { name: 'Global intents' }));
}

describe('global intents in the settings panel', () => {
  it('adds an intent with phrases and a target step, using the shared phrase editor', async () => {
    const section = open();
    expect(global()).toEqual({ intents: [] });
    await userEvent.click(section.getByRole('button', { name: 'Add an intent' }));
    fireEvent.change(section.getByLabelText('Name of intent 1'), { target: { value: 'Talk to a human' } });
    await userEvent.type(section.getByLabelText('Add an example phrase to Talk to a human'), 'I want a real person{Enter}');
    await userEvent.click(section.getByRole('button', { name: 'Paste many phrases' }));
    fireEvent.change(section.getByLabelText('Paste phrases for Talk to a human, one per line'), { target: { value: 'agent please\nchcę rozmawiać z konsultantem' } });
    await userEvent.click(section.getByRole('button', { name: 'Add 2 phrases' }));

    const target = section.getByLabelText('Go to');
    expect(section.getByText('Choose the step this intent leads to.')).toBeInTheDocument();
    expect(within(target).getByRole('option', { name: 'Handoff: Connecting you' })).toBeInTheDocument();
    await userEvent.selectOptions(target, 'human');
    expect(section.queryByText('Choose the step this intent leads to.')).not.toBeInTheDocument();

    const [intent] = global().intents;
    expect(intent).toEqual({
      id: expect.stringMatching(/^intent_/),
      name: 'Talk to a human',
      examples: ['I want a real person', 'agent please', 'chcę rozmawiać z konsultantem'],
      action: 'jump',
      target: 'human',
    });
  });

  it('flags a phrase two global intents share, and sets and clears the threshold', async () => {
    const section = open();
    await userEvent.click(section.getByRole('button', { name: 'Add an intent' }));
    await userEvent.click(section.getByRole('button', { name: 'Add an intent' }));
    fireEvent.change(section.getByLabelText('Name of intent 1'), { target: { value: 'Menu' } });
    fireEvent.change(section.getByLabelText('Name of intent 2'), { target: { value: 'Start over' } });
    await userEvent.type(section.getByLabelText('Add an example phrase to Menu'), 'start again{Enter}');
    await userEvent.type(section.getByLabelText('Add an example phrase to Start over'), 'Start again!{Enter}');
    expect(section.getByText('Also under: Menu')).toBeInTheDocument();
    expect(section.getByText('Also under: Start over')).toBeInTheDocument();

    await userEvent.click(section.getByLabelText('Set automatically from the example phrases'));
    fireEvent.change(section.getByRole('slider', { name: 'Minimum confidence' }), { target: { value: '0.2' } });
    expect(global().threshold).toBe(0.8);
    await userEvent.click(section.getByLabelText('Set automatically from the example phrases'));
    expect(global()).not.toHaveProperty('threshold');

    await userEvent.click(section.getByRole('button', { name: 'Remove intent "Menu"' }));
    expect(global().intents.map((i) => i.name)).toEqual(['Start over']);
  });
});
