import { useTranslation } from 'react-i18next';
import { KeyRound, UserCheck, UserX } from 'lucide-react';
import type { Role, TeamMember } from '../../api';
import { formatDateTime } from '../../i18n/format';
import { Badge, Button } from '../../ui';
import { RoleSelect } from './RoleSelect';

export interface PersonRowProps {
  person: TeamMember;
  isMe: boolean;
  onRole: (role: Role) => void;
  onActive: (active: boolean) => void;
  onResetPassword: () => void;
}

export function PersonRow({ person, isMe, onRole, onActive, onResetPassword }: PersonRowProps) {
  const { t, i18n } = useTranslation('settings');
  return (
    <tr className={person.active ? undefined : 'is-inactive'}>
      <td>
        <div className="sb-team-table__name">
          {person.name}
          {isMe && <span className="sb-muted"> ({t('people.you')})</span>}
        </div>
        <div className="sb-muted sb-team-table__sub">{person.email}</div>
      </td>
      <td>
        <RoleSelect label={t('people.roleOf', { name: person.name })} hideLabel value={person.role} disabled={isMe} onChange={onRole} />
      </td>
      <td>{person.lastSignInAt ? formatDateTime(person.lastSignInAt, i18n.language) : <span className="sb-muted">{t('people.never')}</span>}</td>
      <td>
        <Badge tone={person.active ? 'success' : 'neutral'}>{person.active ? t('people.active') : t('people.inactive')}</Badge>
      </td>
      <td className="sb-team-table__actions">
        <Button size="sm" variant="ghost" icon={<KeyRound size={14} aria-hidden />} aria-label={t('people.resetFor', { name: person.name })} onClick={onResetPassword}>
          {t('people.reset')}
        </Button>
        {!isMe &&
          (person.active ? (
            <Button size="sm" variant="ghost" icon={<UserX size={14} aria-hidden />} aria-label={t('people.deactivateFor', { name: person.name })} onClick={() => onActive(false)}>
              {t('people.deactivate')}
            </Button>
          ) : (
            <Button size="sm" variant="ghost" icon={<UserCheck size={14} aria-hidden />} aria-label={t('people.restoreFor', { name: person.name })} onClick={() => onActive(true)}>
              {t('people.restore')}
            </Button>
          ))}
      </td>
    </tr>
  );
}
