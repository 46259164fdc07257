import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LogIn } from 'lucide-react';
import { Alert, Button, TextField } from '../../ui';
import { useAuth } from '../auth/AuthContext';
import { loginErrorMessage } from './loginErrorMessage';

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation('auth');
  const { login } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: typeof fieldErrors = {};
    if (!email.trim()) errors.email = t('errors.emailRequired');
    if (!password) errors.password = t('errors.passwordRequired');
    setFieldErrors(errors);
    setError(null);
    if (errors.email) return emailRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();
    setBusy(true);
    try {
      await login(email.trim(), password);
      onSuccess();
    } catch (e) {
      setError(loginErrorMessage(e, t));
      setBusy(false);
      passwordRef.current?.select();
    }
  }

  return (
    <form className="sb-login__form" onSubmit={onSubmit} noValidate aria-describedby={error ? 'login-error' : undefined}>
      <TextField
        ref={emailRef}
        label={t('email')}
        type="email"
        name="email"
        autoComplete="username"
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldErrors.email}
      />
      <TextField
        ref={passwordRef}
        label={t('password')}
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldErrors.password}
      />
      {error && (
        <div id="login-error">
          <Alert>{error}</Alert>
        </div>
      )}
      <Button type="submit" variant="primary" block busy={busy} icon={<LogIn size={16} aria-hidden />}>
        {busy ? t('signingIn') : t('signIn')}
      </Button>
    </form>
  );
}
