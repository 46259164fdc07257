import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../app/auth/AuthContext';
import { NameAndLanguageForm } from './NameAndLanguageForm';
import { PasswordForm } from './PasswordForm';
import '../settings/settings.css';

/** Each person's own page: their name, the editor's language, and their password. */
export function ProfilePage() {
  const { t } = useTranslation('settings');
  const user = useCurrentUser();
  return (
    <main className="sb-settings" aria-labelledby="sb-profile-title">
      <div className="sb-settings__inner">
        <div>
          <h1 id="sb-profile-title" className="sb-settings__title">
            {t('profile.title')}
          </h1>
          <p className="sb-muted">{t('profile.subtitle', { email: user.email })}</p>
        </div>
        <NameAndLanguageForm />
        <PasswordForm />
      </div>
    </main>
  );
}
