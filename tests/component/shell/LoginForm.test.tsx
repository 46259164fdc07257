import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { ApiError, NetworkError } from '../../../editor/src/api';
import { App } from '../../../editor/src/app/App';
import { initI18n } from '../../../editor/src/i18n';
import { admin } from './fixtures';

const mocks = vi.hoisted(() => ({
  me: vi.fn(),
  login: vi.fn(),
  logout: vi.fn(),
  list: vi.fn(),
}));

vi.mock(import('../../../editor/src/api'), async (original) => {
  const actual = await original();
  return {
    ...actual,
    api: {
      ...actual.api,
      auth: { ...actual.api.auth, me: mocks.me, login: mocks.login, logout: mocks.logout },
      flows: { ...actual.api.flows, list: mocks.list },
    },
  };
});

// The machine is shared and jsdom is slow on a cold start; these waits are for rendering, not speed claims.
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

afterEach(cleanup);

beforeEach(async () => {
  vi.clearAllMocks();
  window.history.replaceState(null, '', '/flows/abc');
  await initI18n('en').changeLanguage('en');
  mocks.me.mockResolvedValue(null);
  mocks.list.mockResolvedValue([]);
});

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  await screen.findByLabelText('Email');
  if (email) await user.type(screen.getByLabelText('Email'), email);
  if (password) await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

describe('login', () => {
  it('redirects an anonymous visitor to the login page, remembering where they were going', async () => {
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Sign in to Switchboard' })).toBeInTheDocument();
    // The page can render before the redirect has replaced the URL: wait for it, do not race it.
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/login?next=%2Fflows%2Fabc'));
  });

  it('asks for missing fields without calling the server', async () => {
    render(<App />);
    await fillAndSubmit('', '');
    expect(await screen.findByText('Enter your email address.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(mocks.login).not.toHaveBeenCalled();
  });

  it('shows wrong credentials inline and keeps the email', async () => {
    mocks.login.mockRejectedValue(new ApiError(401, 'invalid_credentials', 'Invalid'));
    render(<App />);
    await fillAndSubmit('ada@example.com', 'wrong-password');
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
    expect(mocks.login).toHaveBeenCalledWith('ada@example.com', 'wrong-password');
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
  });

  it('explains rate limiting with the wait time', async () => {
    mocks.login.mockRejectedValue(new ApiError(429, 'rate_limited', 'Too many', [], 300));
    render(<App />);
    await fillAndSubmit('ada@example.com', 'x');
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many sign-in attempts. Try again in 5 minutes.');
  });

  it('says when the server cannot be reached', async () => {
    mocks.login.mockRejectedValue(new NetworkError());
    render(<App />);
    await fillAndSubmit('ada@example.com', 'x');
    expect(await screen.findByRole('alert')).toHaveTextContent("Can't reach the server");
  });

  it('signs in and continues to the page that was asked for', async () => {
    mocks.login.mockResolvedValue({ user: admin, csrfToken: 't' });
    window.history.replaceState(null, '', '/');
    render(<App />);
    await fillAndSubmit('ada@example.com', 'correct horse');
    expect(await screen.findByRole('heading', { name: 'Flows', level: 1 })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/');
  });

  it('shows the user menu with name, role, language switch and logout', async () => {
    mocks.me.mockResolvedValue({ user: admin, csrfToken: 't' });
    mocks.logout.mockResolvedValue(undefined);
    window.history.replaceState(null, '', '/');
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Account menu for Ada Lovelace' }));
    const menu = screen.getByRole('menu');
    expect(menu).toHaveTextContent('ada@example.com');
    expect(menu).toHaveTextContent('Administrator');

    await user.click(screen.getByRole('button', { name: 'Polski' }));
    expect(await screen.findByRole('heading', { name: 'Przepływy', level: 1 })).toBeInTheDocument();
    expect(localStorage.getItem('switchboard.language')).toBe('pl');
    expect(document.documentElement.lang).toBe('pl');

    await user.click(screen.getByRole('menuitem', { name: 'Wyloguj się' }));
    await waitFor(() => expect(window.location.pathname).toBe('/login'));
    expect(mocks.logout).toHaveBeenCalled();
    expect(await screen.findByRole('heading', { name: 'Zaloguj się do Switchboard' })).toBeInTheDocument();
    localStorage.clear();
  });
});
