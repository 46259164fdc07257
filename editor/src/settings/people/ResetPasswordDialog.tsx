import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type TeamMember } from '../../api';
import { Alert, Button, Dialog } from '../../ui';
import { CopyField } from '../CopyField';
import { generatePassword } from '../generatePassword';
import { teamErrorMessage } from '../teamErrors';

/** Gives someone a new random password to pass on; their open sessions end. */
export function ResetPasswordDialog({ person, onClose }: { person: TeamMember | null; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const [password, setPassword] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setPassword(null);
    setFailure(null);
  }, [person]);
  if (!person) return null;

  async function reset() {
    if (!person) return;
    const next = generatePassword();
    setBusy(true);
    setFailure(null);
    try {
      await api.team.updateUser(person.id, { password: next });
      setPassword(next);
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
      title={t('people.resetTitle', { name: person.name })}
      footer={
        password ? (
          <Button variant="primary" onClick={onClose}>
            {t('done')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('cancel')}</Button>
            <Button variant="danger" busy={busy} onClick={() => void reset()}>
              {t('people.resetSubmit')}
            </Button>
          </>
        )
      }
    >
      {failure && <Alert>{failure}</Alert>}
      {password ? (
        <>
          <CopyField label={t('people.newPassword')} value={password} />
          <p className="sb-muted">{t('people.resetDone', { name: person.name })}</p>
        </>
      ) : (
        <p>{t('people.resetBody', { name: person.name })}</p>
      )}
    </Dialog>
  );
}
