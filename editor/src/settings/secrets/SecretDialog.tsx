import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { Alert, Button, Dialog, TextField } from '../../ui';
import { teamErrorMessage } from '../teamErrors';
import { isSecretName, toSecretName } from './secretName';

// The server's own rule (api/src/secrets/secretHosts.ts) decides; this catches the usual slip of pasting a URL.
const HOST_RE = /^(\*\.)?[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/;

/** `api.shop.pl, *.shop.pl` as a list, lower-cased. */
export function parseHosts(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((h) => h.trim().toLowerCase().replace(/\.$/, '')).filter((h) => h !== ''))];
}

/**
 * Sets a new secret (`name` is '') or edits an existing one: a new value, the hosts it may be
 * sent to, or both. The value field is a password field and starts empty: a saved value is
 * never sent back to the browser.
 */
export function SecretDialog({
  name,
  taken,
  hosts: savedHosts = [],
  onClose,
  onSaved,
}: {
  name: string | null;
  taken: string[];
  hosts?: string[];
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation('settings');
  const [typedName, setTypedName] = useState('');
  const [value, setValue] = useState('');
  const [hostsText, setHostsText] = useState('');
  const [errors, setErrors] = useState<{ name?: string; value?: string; hosts?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const savedHostsText = savedHosts.join(', ');
  useEffect(() => {
    setTypedName('');
    setValue('');
    setHostsText(savedHostsText);
    setErrors({});
    setFailure(null);
  }, [name, savedHostsText]);
  if (name === null) return null;
  const replacing = name !== '';
  const finalName = replacing ? name : toSecretName(typedName);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: { name?: string; value?: string; hosts?: string } = {};
    if (!replacing && !isSecretName(finalName)) found.name = t('secrets.nameRule');
    else if (!replacing && taken.includes(finalName)) found.name = t('secrets.nameTaken');
    if (value === '' && !replacing) found.value = t('errors.required');
    const hosts = parseHosts(hostsText);
    const badHost = hosts.find((h) => !HOST_RE.test(h));
    if (hosts.length === 0) found.hosts = t('secrets.hostsRequired');
    else if (badHost !== undefined) found.hosts = t('secrets.hostsInvalid', { host: badHost });
    setErrors(found);
    if (found.name || found.value || found.hosts) return;
    setBusy(true);
    setFailure(null);
    try {
      await api.team.setSecret(finalName, value === '' ? undefined : value, hosts);
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
      title={replacing ? t('secrets.editTitle', { name }) : t('secrets.addTitle')}
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
          hint={replacing ? t('secrets.keepValue') : t('secrets.valueHint')}
          error={errors.value}
          onChange={(e) => setValue(e.target.value)}
        />
        <TextField
          label={t('secrets.hosts')}
          value={hostsText}
          maxLength={2000}
          spellCheck={false}
          placeholder="api.shop.pl"
          hint={t('secrets.hostsHint')}
          error={errors.hosts}
          onChange={(e) => setHostsText(e.target.value)}
        />
      </form>
    </Dialog>
  );
}
