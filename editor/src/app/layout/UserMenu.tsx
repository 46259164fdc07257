import { useTranslation } from 'react-i18next';
import { ChevronDown, LogOut, Settings, UserRound } from 'lucide-react';
import { Badge, Menu } from '../../ui';
import { useAuth, useCurrentUser } from '../auth/AuthContext';
import { Link } from '../router';
import { LanguageSwitch } from './LanguageSwitch';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

export function UserMenu() {
  const { t } = useTranslation('common');
  const { logout } = useAuth();
  const user = useCurrentUser();
  return (
    <Menu
      label={t('userMenu.label')}
      trigger={(props) => (
        <button type="button" className="sb-user-trigger" aria-label={t('userMenu.open', { name: user.name })} {...props}>
          <span className="sb-avatar" aria-hidden>
            {initials(user.name)}
          </span>
          <span className="sb-user-trigger__name">{user.name}</span>
          <ChevronDown size={16} aria-hidden />
        </button>
      )}
    >
      {(close) => (
        <>
          <div className="sb-user-card">
            <div className="sb-user-card__name">{user.name}</div>
            <div className="sb-user-card__email">{user.email}</div>
            <Badge tone="info" className="sb-user-card__role">
              {t(`roles.${user.role}`)}
            </Badge>
          </div>
          <div className="sb-menu__section">
            <span className="sb-menu__section-label">{t('language')}</span>
            <LanguageSwitch />
          </div>
          <div className="sb-menu__divider" role="separator" />
          <Link to="/profile" role="menuitem" className="sb-menu__item" onClick={close}>
            <UserRound size={16} aria-hidden />
            {t('userMenu.profile')}
          </Link>
          {user.role === 'admin' && (
            <Link to="/settings" role="menuitem" className="sb-menu__item" onClick={close}>
              <Settings size={16} aria-hidden />
              {t('userMenu.settings')}
            </Link>
          )}
          <button type="button" role="menuitem" className="sb-menu__item" onClick={() => void logout()}>
            <LogOut size={16} aria-hidden />
            {t('userMenu.logout')}
          </button>
        </>
      )}
    </Menu>
  );
}
