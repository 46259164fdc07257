import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsPanel } from '../../../editor/src/flow-editor/panels/SettingsPanel';
import { loadAndSelect, renderUi, store } from '../inspector/support';

afterEach(cleanup);

const settings = () => store().meta.settings;

function open() {
  loadAndSelect(null);
  renderUi(<SettingsPanel />);
}

describe('SettingsPanel', () => {
  it('edits name, description, locale and fallback text', () => {
    open();
    fireEvent.change(screen.getByLabelText('Flow name'), { target: { value: 'Cards' } });
    fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'Bank card help' } });
    fireEvent.change(screen.getByLabelText('Language of the conversation'), { target: { value: 'pl' } });
    fireEvent.change(screen.getByLabelText('When the bot does not understand, say'), { target: { value: 'Pardon?' } });
    expect(store().meta).toMatchObject({ name: 'Cards', description: 'Bank card help', locale: 'pl' });
    expect(settings().fallbackText).toBe('Pardon?');
  });

  it('keeps invalid input on screen with an error and never writes it to the flow', () => {
    open();
    const timeout = screen.getByLabelText('End idle conversations after (minutes)');
    expect(timeout).toHaveValue(30);
    fireEvent.change(timeout, { target: { value: '0' } });
    expect(screen.getByRole('alert')).toHaveTextContent('1 to 10080');
    expect(settings().sessionTimeoutMinutes).toBe(30);
    fireEvent.change(timeout, { target: { value: '45' } });
    expect(settings().sessionTimeoutMinutes).toBe(45);
    fireEvent.change(screen.getByLabelText('Flow name'), { target: { value: '' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Give the flow a name.');
    expect(store().meta.name).toBe('Every kind');
    // The language is picked from a list of named languages, so no code can be mistyped.
    const language = screen.getByLabelText('Language of the conversation');
    expect(language.tagName).toBe('SELECT');
    expect(within(language).getByRole('option', { name: 'Polish' })).toHaveValue('pl');
  });

  it('offers to translate the default texts nobody edited when the language changes', async () => {
    open();
    const s = store();
    s.updateMeta({ locale: 'en', settings: { ...s.meta.settings, fallbackText: "Sorry, I didn't get that." } });
    fireEvent.change(screen.getByLabelText('Language of the conversation'), { target: { value: 'pl' } });
    expect(screen.getByRole('status')).toHaveTextContent('2 texts still read as the defaults of the previous language. Write them in Polish?');
    await userEvent.click(screen.getByRole('button', { name: 'Translate them' }));
    expect(settings().fallbackText).toBe('Przepraszam, nie zrozumiałem.');
    expect(store().meta.locale).toBe('pl');
  });

  it('edits handoff defaults', () => {
    open();
    fireEvent.change(screen.getByLabelText('Default team queue'), { target: { value: 'billing' } });
    fireEvent.change(screen.getByLabelText('When no agent is available, say'), { target: { value: 'We are closed.' } });
    expect(settings().handoff).toEqual({ defaultQueue: 'billing', offlineText: 'We are closed.' });
  });

  it('sets business hours: switch, time zone, weekly ranges and holidays', async () => {
    open();
    expect(screen.getByLabelText('Time zone')).toBeDisabled();
    await userEvent.click(screen.getByLabelText('Only hand off during business hours'));
    expect(settings().businessHours.enabled).toBe(true);
    await userEvent.selectOptions(screen.getByLabelText('Time zone'), 'Europe/Warsaw');
    await userEvent.click(screen.getByRole('button', { name: 'Add hours on Monday' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add hours on Monday' }));
    expect(settings().businessHours.weekly).toEqual([
      { day: 'mon', open: '09:00', close: '17:00' },
      { day: 'mon', open: '09:00', close: '17:00' },
    ]);
    const second = screen.getByRole('group', { name: 'Monday, hours 2' });
    fireEvent.change(within(second).getByLabelText('Opens'), { target: { value: '18:00' } });
    expect(within(second).getByRole('alert')).toHaveTextContent('The closing time must be after the opening time.');
    fireEvent.change(within(second).getByLabelText('Closes'), { target: { value: '20:00' } });
    expect(within(second).queryByRole('alert')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Remove hours 1 on Monday' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a holiday' }));
    fireEvent.change(screen.getByLabelText('Holiday 1'), { target: { value: '2026-12-24' } });
    expect(settings().businessHours).toEqual({
      enabled: true,
      timezone: 'Europe/Warsaw',
      weekly: [{ day: 'mon', open: '18:00', close: '20:00' }],
      holidays: ['2026-12-24'],
    });
  });

  it('adds allowed origins, rejecting paths and bad addresses', async () => {
    open();
    const input = screen.getByLabelText('New website address');
    await userEvent.type(input, 'shop.example.com');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter an address like');
    await userEvent.clear(input);
    await userEvent.type(input, 'https://shop.example.com/cart');
    expect(screen.getByRole('alert')).toHaveTextContent('without a path');
    await userEvent.clear(input);
    await userEvent.type(input, 'https://shop.example.com/{Enter}');
    expect(settings().allowedOrigins).toEqual(['https://shop.example.com']);
    await userEvent.type(input, 'https://shop.example.com');
    expect(screen.getByRole('alert')).toHaveTextContent('already in the list');
    await userEvent.click(screen.getByRole('button', { name: 'Remove https://shop.example.com' }));
    expect(settings().allowedOrigins).toEqual([]);
  });
});
