import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Role } from '../../api';
import { Alert, Button, Dialog, Select, TextField } from '../../ui';
import { CopyField } from '../CopyField';
import { RoleSelect } from '../people/RoleSelect';
import { teamErrorMessage } from '../teamErrors';

const EXPIRY_DAYS = ['30', '90', '365', 'never'] as const;
type Expiry = (typeof EXPIRY_DAYS)[number];

export function expiryDate(choice: Expiry, now: number): string | null {
  return choice === 'never' ? null : new Date(now + Number(choice) * 24 * 3600_000).toISOString();
}

/** Names a token, picks what it may do and how long it lives, then shows its secret once. */
export function NewTokenDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation('settings');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [expiry, setExpiry] = useState<Expiry>('90');
  const [nameError, setNameError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  function close() {
    setName('');
    setRole('editor');
    setExpiry('90');
    setNameError(undefined);
    setFailure(null);
    setSecret(null);
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') {
      setNameError(t('errors.required'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const created = await api.team.createToken({ name: name.trim(), role, expiresAt: expiryDate(expiry, Date.now()) });
      setSecret(created.secret);
      onCreated();
    } catch (err) {
      setFailure(teamErrorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  if (secret) {
    return (
      <Dialog open={open} onClose={close} title={t('tokens.createdTitle')} footer={<Button variant="primary" onClick={close}>{t('done')}</Button>}>
        <CopyField label={t('tokens.secret')} value={secret} />
        <Alert tone="warning">{t('tokens.shownOnce')}</Alert>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('tokens.addTitle')}
      footer={
        <>
          <Button onClick={close}>{t('cancel')}</Button>
          <Button variant="primary" type="submit" form="sb-new-token" busy={busy}>
            {t('tokens.addSubmit')}
          </Button>
        </>
      }
    >
      <form id="sb-new-token" className="sb-settings__form" onSubmit={(e) => void submit(e)} noValidate>
        {failure && <Alert>{failure}</Alert>}
        <TextField label={t('tokens.name')} hint={t('tokens.nameHint')} value={name} maxLength={100} error={nameError} onChange={(e) => setName(e.target.value)} />
        <RoleSelect label={t('tokens.role')} value={role} onChange={setRole} />
        <Select
          label={t('tokens.expires')}
          value={expiry}
          options={EXPIRY_DAYS.map((d) => ({ value: d, label: t(`tokens.expiry.${d}`) }))}
          onChange={(e) => setExpiry(e.target.value as Expiry)}
        />
      </form>
    </Dialog>
  );
}
