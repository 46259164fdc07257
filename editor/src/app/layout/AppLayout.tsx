import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './AppHeader';
import { BudgetBanner } from './BudgetBanner';
import './layout.css';

/** Header above a page that fills the rest of the window (the canvas needs the full height). */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <div className="sb-app">
      <a href="#sb-main" className="sb-skip-link">
        {t('skipToContent')}
      </a>
      <AppHeader />
      <BudgetBanner />
      <div id="sb-main" className="sb-app__main" tabIndex={-1}>
        {children}
      </div>
    </div>
  );
}
