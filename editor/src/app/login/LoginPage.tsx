import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { BrandMark } from '../layout/BrandMark';
import { LoginForm } from './LoginForm';
import './login.css';

export function LoginPage({ onSuccess, notice }: { onSuccess: () => void; notice?: 'expired' | 'loggedOut' }) {
  const { t } = useTranslation('auth');
  return (
    <div className="sb-login">
      <div className="sb-login__language">
        <LanguageSwitch />
      </div>
      <main className="sb-login__card">
        <div className="sb-login__brand">
          <BrandMark size={36} />
        </div>
        <h1 className="sb-login__title">{t('title')}</h1>
        <p className="sb-login__subtitle">{t('subtitle')}</p>
        {notice === 'expired' && (
          <Alert tone="warning" className="sb-login__notice">
            {t('sessionExpired')}
          </Alert>
        )}
        <LoginForm onSuccess={onSuccess} />
      </main>
      <p className="sb-login__footer">{t('footer')}</p>
    </div>
  );
}
