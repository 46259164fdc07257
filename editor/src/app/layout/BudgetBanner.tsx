import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { Alert } from '../../ui/Alert';
import { useCurrentUser } from '../auth/AuthContext';
import { Link, useLocation } from '../router';

/** How often an open editor asks again: a budget is spent by customers' chats, not by the admin. */
export const BUDGET_POLL_MS = 5 * 60_000;
const DISMISSED_KEY = 'sb.budgetBannerDismissed';

/**
 * Tells admins, on every page, that the language model's monthly token budget is spent: answer
 * steps then take their Failed exit, which otherwise only shows in the audit log and the server log.
 * Dismissed for the rest of the browser session and that month only.
 */
export function BudgetBanner() {
  const user = useCurrentUser();
  return user.role === 'admin' ? <AdminBudgetBanner /> : null;
}

function readDismissed(): string | null {
  try {
    return sessionStorage.getItem(DISMISSED_KEY);
  } catch {
    return null;
  }
}

function AdminBudgetBanner() {
  const { t } = useTranslation('common');
  const { pathname } = useLocation();
  const [spentMonth, setSpentMonth] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(readDismissed);

  useEffect(() => {
    let alive = true;
    const read = () =>
      api.languageModel
        .get()
        .then((view) => alive && setSpentMonth(view.usage.budgetSpent ? view.usage.month : null))
        // No banner rather than an error banner: the Language model tab reports its own failures.
        .catch(() => undefined);
    void read();
    const timer = setInterval(() => void read(), BUDGET_POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);

  // The settings page shows the same warning in place.
  if (spentMonth === null || dismissed === spentMonth || pathname === '/settings') return null;
  const dismiss = () => {
    setDismissed(spentMonth);
    try {
      sessionStorage.setItem(DISMISSED_KEY, spentMonth);
    } catch {
      /* private mode: dismissed until the page reloads */
    }
  };
  return (
    <div className="sb-budget-banner" data-testid="budget-banner">
      <Alert tone="warning">
        {t('budgetBanner.text', { month: spentMonth })}{' '}
        <Link to="/settings?section=languageModel">{t('budgetBanner.open')}</Link>{' '}
        <button type="button" className="sb-button sb-button--ghost sb-button--sm" onClick={dismiss}>
          {t('dismiss')}
        </button>
      </Alert>
    </div>
  );
}
