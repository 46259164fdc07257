import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserPlus } from 'lucide-react';
import { api, type TeamMember } from '../../api';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { Alert, Button, useToast } from '../../ui';
import { teamErrorMessage } from '../teamErrors';
import { AddPersonDialog } from './AddPersonDialog';
import { PersonRow } from './PersonRow';
import { ResetPasswordDialog } from './ResetPasswordDialog';

type Load = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; people: TeamMember[] };

/** Everyone with an account: add people, change roles, reset passwords, deactivate. */
export function PeopleSection() {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const me = useCurrentUser();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<TeamMember | null>(null);

  const refresh = useCallback(async () => {
    try {
      setLoad({ status: 'ready', people: await api.team.listUsers() });
    } catch (err) {
      setLoad({ status: 'failed', message: teamErrorMessage(err, t) });
    }
  }, [t]);
  useEffect(() => void refresh(), [refresh]);

  const replace = (person: TeamMember) =>
    setLoad((l) => (l.status === 'ready' ? { status: 'ready', people: l.people.map((p) => (p.id === person.id ? person : p)) } : l));

  async function change(person: TeamMember, patch: Parameters<typeof api.team.updateUser>[1], done: string) {
    try {
      replace(await api.team.updateUser(person.id, patch));
      toast.show(done, 'success');
    } catch (err) {
      toast.show(teamErrorMessage(err, t), 'error');
    }
  }

  return (
    <section className="sb-settings__card" aria-labelledby="sb-people-heading">
      <div className="sb-settings__card-head">
        <div>
          <h2 id="sb-people-heading" className="sb-settings__heading">
            {t('people.heading')}
          </h2>
          <p className="sb-muted">{t('people.intro')}</p>
        </div>
        <Button variant="primary" icon={<UserPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          {t('people.add')}
        </Button>
      </div>
      {load.status === 'loading' && <p className="sb-muted">{t('loading')}</p>}
      {load.status === 'failed' && <Alert>{load.message}</Alert>}
      {load.status === 'ready' && (
        <table className="sb-team-table">
          <thead>
            <tr>
              <th scope="col">{t('people.person')}</th>
              <th scope="col">{t('people.role')}</th>
              <th scope="col">{t('people.lastSignIn')}</th>
              <th scope="col">{t('people.status')}</th>
              <th scope="col">
                <span className="sb-visually-hidden">{t('people.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {load.people.map((person) => (
              <PersonRow
                key={person.id}
                person={person}
                isMe={person.id === me.id}
                onRole={(role) => void change(person, { role }, t('people.roleChanged', { name: person.name }))}
                onActive={(active) =>
                  void change(person, { active }, t(active ? 'people.restored' : 'people.deactivated', { name: person.name }))
                }
                onResetPassword={() => setResetting(person)}
              />
            ))}
          </tbody>
        </table>
      )}
      <AddPersonDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(person) => {
          setLoad((l) => (l.status === 'ready' ? { status: 'ready', people: [...l.people, person] } : l));
        }}
      />
      <ResetPasswordDialog person={resetting} onClose={() => setResetting(null)} />
    </section>
  );
}
