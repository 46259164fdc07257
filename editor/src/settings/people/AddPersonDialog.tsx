import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Role, type TeamMember } from '../../api';
import { Alert, Button, Dialog, TextField } from '../../ui';
import { CopyField } from '../CopyField';
import { generatePassword } from '../generatePassword';
import { fieldErrors, teamErrorMessage } from '../teamErrors';
import { RoleSelect } from './RoleSelect';

interface Draft {
  name: string;
  email: string;
  role: Role;
  password: string;
}

const fresh = (): Draft => ({ name: '', email: '', role: 'agent', password: generatePassword() });

/** Creates an account with a role and a first password the admin passes on; it is shown once. */
export function AddPersonDialog({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: (person: TeamMember) => void }) {
  const { t } = useTranslation('settings');
  const [draft, setDraft] = useState<Draft>(fresh);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<{ person: TeamMember; password: string } | null>(null);

  function close() {
    setDraft(fresh());
    setErrors({});
    setFailure(null);
    setAdded(null);
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (draft.name.trim() === '') local.name = t('errors.required');
    if (!/^\S+@\S+\.\S+$/.test(draft.email.trim())) local.email = t('people.emailInvalid');
    if (draft.password.length < 12) local.password = t('people.passwordShort');
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const person = await api.team.createUser({ ...draft, name: draft.name.trim(), email: draft.email.trim() });
      onAdded(person);
      setAdded({ person, password: draft.password });
    } catch (err) {
      const byField = fieldErrors(err);
      setErrors(Object.fromEntries(Object.keys(byField).map((k) => [k, t('errors.server')])));
      setFailure(teamErrorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  if (added) {
    return (
      <Dialog open={open} onClose={close} title={t('people.addedTitle', { name: added.person.name })} footer={<Button variant="primary" onClick={close}>{t('done')}</Button>}>
        <p>{t('people.addedBody', { email: added.person.email })}</p>
        <CopyField label={t('people.firstPassword')} value={added.password} />
        <p className="sb-muted">{t('people.addedOnce')}</p>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('people.addTitle')}
      description={t('people.addIntro')}
      footer={
        <>
          <Button onClick={close}>{t('cancel')}</Button>
          <Button variant="primary" type="submit" form="sb-add-person" busy={busy}>
            {t('people.addSubmit')}
          </Button>
        </>
      }
    >
      <form id="sb-add-person" className="sb-settings__form" onSubmit={(e) => void submit(e)} noValidate>
        {failure && <Alert>{failure}</Alert>}
        <TextField label={t('people.name')} value={draft.name} maxLength={200} error={errors.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <TextField label={t('people.email')} type="email" value={draft.email} maxLength={320} error={errors.email} onChange={(e) => setDraft({ ...draft, email: e.target.value })} />
        <RoleSelect label={t('people.role')} value={draft.role} onChange={(role) => setDraft({ ...draft, role })} />
        <TextField
          label={t('people.firstPassword')}
          value={draft.password}
          maxLength={200}
          spellCheck={false}
          autoComplete="new-password"
          hint={t('people.passwordHint')}
          error={errors.password}
          onChange={(e) => setDraft({ ...draft, password: e.target.value })}
        />
      </form>
    </Dialog>
  );
}
