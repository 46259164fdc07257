import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import type { LanguageModelView, User } from '../../../editor/src/api';
import { AuthProvider, useAuth } from '../../../editor/src/app/auth/AuthContext';
import { BudgetBanner } from '../../../editor/src/app/layout/BudgetBanner';
import { initI18n } from '../../../editor/src/i18n';
import { admin } from './fixtures';

const mocks = vi.hoisted(() => ({ me: vi.fn(), get: vi.fn() }));
vi.mock(import('../../../editor/src/api'), async (original) => {
  const actual = await original();
  return {
    ...actual,
    api: { ...actual.api, auth: { ...actual.api.auth, me: mocks.me }, languageModel: { ...actual.api.languageModel, get: mocks.get } },
  };
});

vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

function view(budgetSpent: boolean, month = '2026-12'): LanguageModelView {
  return {
    providers: [],
    defaultProviderId: null,
    maskPersonalData: true,
    monthlyTokenBudget: 10_000,
    usage: { month, usedTokens: budgetSpent ? 10_400 : 200, budgetSpent, noticeAt: budgetSpent ? '2026-12-06T10:00:00.000Z' : null },
  };
}

function Gate() {
  const { state } = useAuth();
  return state.status === 'authenticated' ? <BudgetBanner /> : null;
}

async function renderAs(user: User) {
  mocks.me.mockResolvedValue({ user, csrfToken: 'csrf' });
  render(
    <AuthProvider>
      <Gate />
    </AuthProvider>,
  );
}

beforeEach(async () => {
  await initI18n('en').changeLanguage('en');
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
afterEach(() => {
  cleanup();
  mocks.me.mockReset();
  mocks.get.mockReset();
});

describe('language model budget banner', () => {
  it('tells an admin on every page that the budget is spent, links to the settings, and can be dismissed', async () => {
    mocks.get.mockResolvedValue(view(true));
    await renderAs(admin);
    const banner = await screen.findByTestId('budget-banner');
    expect(banner).toHaveTextContent('monthly token budget for 2026-12 is spent');
    expect(screen.getByRole('link', { name: 'Language model settings' })).toHaveAttribute('href', '/settings?section=languageModel');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('budget-banner')).toBeNull();
    // Dismissed for this browser session and this month only.
    expect(sessionStorage.getItem('sb.budgetBannerDismissed')).toBe('2026-12');
  });

  it('stays away while the budget lasts, and from editors and agents whatever it is', async () => {
    mocks.get.mockResolvedValue(view(false));
    await renderAs(admin);
    await vi.waitFor(() => expect(mocks.get).toHaveBeenCalled());
    expect(screen.queryByTestId('budget-banner')).toBeNull();
    cleanup();
    mocks.get.mockClear();
    mocks.get.mockResolvedValue(view(true));
    await renderAs({ ...admin, id: 'u9', role: 'editor' });
    await new Promise((r) => setTimeout(r, 50));
    expect(mocks.get).not.toHaveBeenCalled();
    expect(screen.queryByTestId('budget-banner')).toBeNull();
  });

  it('comes back in a new month after being dismissed, and speaks Polish', async () => {
    sessionStorage.setItem('sb.budgetBannerDismissed', '2026-11');
    await initI18n('pl').changeLanguage('pl');
    mocks.get.mockResolvedValue(view(true, '2026-12'));
    await renderAs(admin);
    expect(await screen.findByTestId('budget-banner')).toHaveTextContent('Miesięczny limit tokenów modelu językowego na 2026-12 został wyczerpany');
  });
});
