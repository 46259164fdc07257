import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { Alert, Button, Dialog, TextField } from '../../ui';
import { teamErrorMessage } from '../teamErrors';
import { isSecretName, toSecretName } from './secretName';

/**
 * Sets a new secret (`name` is '') or replaces the value of an existing one. The value field is a
 * password field and starts empty: a saved value is never sent back to the browser.
 */
export function SecretDialog({ name, taken, onClose, onSaved }: { name: string | null; taken: string[]; onClose: () => void; onSaved: (name: string) => void }) {
  const { t } = useTranslation('settings');
  const [typedName, setTypedName] = useState('');
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<{ name?: string; value?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setTypedName('');
    setValue('');
    setErrors({});
    setFailure(null);
  }, [name]);
  if (name === null) return null;
  const replacing = name !== '';
  const finalName = replacing ? name : toSecretName(typedName);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: { name?: string; value?: string } = {};
    if (!replacing && !isSecretName(finalName)) found.name = t('secrets.nameRule');
    else if (!replacing && taken.includes(finalName)) found.name = t('secrets.nameTaken');
    if (value === '') found.value = t('errors.required');
    setErrors(found);
    if (found.name || found.value) return;
    setBusy(true);
    setFailure(null);
    try {
      await api.team.setSecret(finalName, value);
      onSaved(finalName);
    } catch (err) {
      setFailure(teamErrorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={replacing ? t('secrets.replaceTitle', { name }) : t('secrets.addTitle')}
      footer={
        <>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" type="submit" form="sb-secret-form" busy={busy}>
            {t('secrets.saveSubmit')}
          </Button>
        </>
      }
    >
      <form id="sb-secret-form" className="sb-settings__form" onSubmit={(e) => void submit(e)} noValidate>
        {failure && <Alert>{failure}</Alert>}
        {!replacing && (
          <TextField
            label={t('secrets.name')}
            value={typedName}
            maxLength={64}
            spellCheck={false}
            placeholder="SHOP_TOKEN"
            hint={typedName !== '' && finalName !== typedName ? t('secrets.willBe', { name: finalName }) : t('secrets.nameHint')}
            error={errors.name}
            onChange={(e) => setTypedName(e.target.value)}
          />
        )}
        <TextField
          label={t('secrets.value')}
          type="password"
          autoComplete="off"
          value={value}
          maxLength={8192}
          hint={t('secrets.valueHint')}
          error={errors.value}
          onChange={(e) => setValue(e.target.value)}
        />
      </form>
    </Dialog>
  );
}
