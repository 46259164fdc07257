import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api';
import { teamErrorMessage } from '../settings/teamErrors';
import { Alert, Button, TextField, useToast } from '../ui';

interface Errors {
  current?: string;
  next?: string;
  repeat?: string;
}

/** A new password needs the current one; the server then signs this person out everywhere else. */
export function PasswordForm() {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {};
    if (current === '') found.current = t('errors.required');
    if (next.length < 12) found.next = t('people.passwordShort');
    if (repeat !== next) found.repeat = t('profile.mismatch');
    setErrors(found);
    setFailure(null);
    if (found.current || found.next || found.repeat) return;
    setBusy(true);
    try {
      await api.auth.updateMe({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      toast.show(t('profile.passwordChanged'), 'success');
    } catch (err) {
      if (isApiError(err) && err.code === 'wrong_password') setErrors({ current: t('serverErrors.wrong_password') });
      else setFailure(teamErrorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sb-settings__card" aria-labelledby="sb-profile-password" onSubmit={(e) => void save(e)} noValidate>
      <h2 id="sb-profile-password" className="sb-settings__heading">
        {t('profile.password')}
      </h2>
      <p className="sb-muted">{t('profile.passwordIntro')}</p>
      {failure && <Alert>{failure}</Alert>}
      <TextField label={t('profile.currentPassword')} type="password" autoComplete="current-password" value={current} error={errors.current} onChange={(e) => setCurrent(e.target.value)} />
      <TextField label={t('profile.newPassword')} type="password" autoComplete="new-password" value={next} hint={t('people.passwordHint')} error={errors.next} onChange={(e) => setNext(e.target.value)} />
      <TextField label={t('profile.repeatPassword')} type="password" autoComplete="new-password" value={repeat} error={errors.repeat} onChange={(e) => setRepeat(e.target.value)} />
      <div>
        <Button type="submit" variant="primary" busy={busy}>
          {t('profile.changePassword')}
        </Button>
      </div>
    </form>
  );
}
