import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useAuth, useCurrentUser } from '../app/auth/AuthContext';
import { setLanguage, SUPPORTED_LANGUAGES, type Language } from '../i18n';
import { teamErrorMessage } from '../settings/teamErrors';
import { Alert, Button, Select, TextField, useToast } from '../ui';

export function NameAndLanguageForm() {
  const { t, i18n } = useTranslation('settings');
  const user = useCurrentUser();
  const { replaceUser } = useAuth();
  const toast = useToast();
  const current = (user.locale ?? i18n.resolvedLanguage ?? 'en') as Language;
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<Language>(current);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = name.trim() !== user.name || locale !== current;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') {
      setError(t('errors.required'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const saved = await api.auth.updateMe({ name: name.trim(), locale });
      replaceUser(saved);
      await setLanguage(locale);
      toast.show(t('profile.saved', { lng: locale }), 'success');
    } catch (err) {
      setFailure(teamErrorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sb-settings__card" aria-labelledby="sb-profile-about" onSubmit={(e) => void save(e)} noValidate>
      <h2 id="sb-profile-about" className="sb-settings__heading">
        {t('profile.about')}
      </h2>
      {failure && <Alert>{failure}</Alert>}
      <TextField label={t('profile.name')} value={name} maxLength={200} autoComplete="name" error={error} onChange={(e) => setName(e.target.value)} />
      <Select
        label={t('profile.language')}
        hint={t('profile.languageHint')}
        value={locale}
        options={SUPPORTED_LANGUAGES.map((lng) => ({ value: lng, label: t(`common:languageName.${lng}`, { lng }) }))}
        onChange={(e) => setLocale(e.target.value as Language)}
      />
      <div>
        <Button type="submit" variant="primary" busy={busy} disabled={!dirty}>
          {t('profile.save')}
        </Button>
      </div>
    </form>
  );
}
