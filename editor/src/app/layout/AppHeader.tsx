import { useTranslation } from 'react-i18next';
import { BookOpen, Inbox, Workflow } from 'lucide-react';
import { Link, useLocation } from '../router';
import { useCurrentUser } from '../auth/AuthContext';
import { BrandMark } from './BrandMark';
import { UserMenu } from './UserMenu';

export function AppHeader() {
  const { t } = useTranslation('common');
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const onFlows = pathname === '/' || pathname.startsWith('/flows/');
  const onInbox = pathname.startsWith('/inbox');
  const onKnowledge = pathname === '/knowledge';
  return (
    <header className="sb-header">
      <Link to="/" className="sb-header__brand" aria-label={t('home')}>
        <BrandMark withName />
      </Link>
      <nav className="sb-header__nav" aria-label={t('mainNavigation')}>
        {user.role !== 'agent' && (
          <Link to="/" className="sb-header__link" aria-current={onFlows ? 'page' : undefined}>
            <Workflow size={16} aria-hidden />
            {t('nav.flows')}
          </Link>
        )}
        {user.role !== 'agent' && (
          <Link to="/knowledge" className="sb-header__link" aria-current={onKnowledge ? 'page' : undefined}>
            <BookOpen size={16} aria-hidden />
            {t('nav.knowledge')}
          </Link>
        )}
        {user.role !== 'editor' && (
          <Link to="/inbox" className="sb-header__link" aria-current={onInbox ? 'page' : undefined}>
            <Inbox size={16} aria-hidden />
            {t('nav.inbox')}
          </Link>
        )}
      </nav>
      <div className="sb-header__end">
        <UserMenu />
      </div>
    </header>
  );
}
