import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserPlus } from 'lucide-react';
import { api, type TeamMember } from '../../api';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { Button, useToast } from '../../ui';
import { TeamCard } from '../TeamCard';
import { teamErrorMessage } from '../teamErrors';
import { useTeamList } from '../useTeamList';
import { AddPersonDialog } from './AddPersonDialog';
import { PersonRow } from './PersonRow';
import { ResetPasswordDialog } from './ResetPasswordDialog';

const listPeople = () => api.team.listUsers();

/** Everyone with an account: add people, change roles, reset passwords, deactivate. */
export function PeopleSection() {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const me = useCurrentUser();
  const { load, update } = useTeamList(listPeople);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<TeamMember | null>(null);

  const replace = (person: TeamMember) => update((people) => people.map((p) => (p.id === person.id ? person : p)));

  async function change(person: TeamMember, patch: Parameters<typeof api.team.updateUser>[1], done: string) {
    try {
      replace(await api.team.updateUser(person.id, patch));
      toast.show(done, 'success');
    } catch (err) {
      toast.show(teamErrorMessage(err, t), 'error');
    }
  }

  return (
    <TeamCard
      id="people"
      heading={t('people.heading')}
      intro={t('people.intro')}
      action={
        <Button variant="primary" icon={<UserPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          {t('people.add')}
        </Button>
      }
      load={load}
      after={
        <>
          <AddPersonDialog open={adding} onClose={() => setAdding(false)} onAdded={(person) => update((people) => [...people, person])} />
          <ResetPasswordDialog person={resetting} onClose={() => setResetting(null)} />
        </>
      }
    >
      {(people) => (
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
            {people.map((person) => (
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
    </TeamCard>
  );
}
