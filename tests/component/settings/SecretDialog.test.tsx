import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SecretDialog, parseHosts } from '../../../editor/src/settings/secrets/SecretDialog';
import { initI18n } from '../../../editor/src/i18n';

const mocks = vi.hoisted(() => ({ setSecret: vi.fn() }));

vi.mock(import('../../../editor/src/api'), async (original) => {
  const actual = await original();
  return { ...actual, api: { ...actual.api, team: { ...actual.api.team, setSecret: mocks.setSecret } } };
});

vi.setConfig({ testTimeout: 20_000 });
afterEach(cleanup);
beforeEach(async () => {
  vi.clearAllMocks();
  mocks.setSecret.mockResolvedValue(undefined);
  await initI18n('en').changeLanguage('en');
});

describe('SecretDialog: the hosts a secret may be sent to', () => {
  it('needs hosts for a new secret and sends value and hosts', async () => {
    const onSaved = vi.fn();
    render(<SecretDialog name="" taken={[]} onClose={() => undefined} onSaved={onSaved} />);
    await userEvent.type(screen.getByLabelText('Name'), 'SHOP_TOKEN');
    await userEvent.type(screen.getByLabelText('Value'), 's3cret');
    await userEvent.click(screen.getByRole('button', { name: 'Save secret' }));
    expect(await screen.findByText('List at least one host, e.g. api.shop.pl.')).toBeTruthy();
    expect(mocks.setSecret).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Allowed hosts'), 'https://api.shop.pl/x');
    await userEvent.click(screen.getByRole('button', { name: 'Save secret' }));
    expect(await screen.findByText(/is not a host name/)).toBeTruthy();
    await userEvent.clear(screen.getByLabelText('Allowed hosts'));
    await userEvent.type(screen.getByLabelText('Allowed hosts'), 'API.shop.pl, *.shop.pl');
    await userEvent.click(screen.getByRole('button', { name: 'Save secret' }));
    await waitFor(() => expect(mocks.setSecret).toHaveBeenCalledWith('SHOP_TOKEN', 's3cret', ['api.shop.pl', '*.shop.pl']));
    expect(onSaved).toHaveBeenCalledWith('SHOP_TOKEN');
  });

  it('lets an admin add hosts to an existing secret without retyping its value', async () => {
    render(<SecretDialog name="OLD_KEY" taken={['OLD_KEY']} hosts={[]} onClose={() => undefined} onSaved={() => undefined} />);
    expect(screen.getByText('Leave empty to keep the current value and change only the hosts.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Allowed hosts'), 'crm.example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Save secret' }));
    await waitFor(() => expect(mocks.setSecret).toHaveBeenCalledWith('OLD_KEY', undefined, ['crm.example.com']));
  });

  it('reads a typed list of hosts', () => {
    expect(parseHosts(' a.pl,  B.pl ;c.pl\nA.pl. ')).toEqual(['a.pl', 'b.pl', 'c.pl']);
  });
});
