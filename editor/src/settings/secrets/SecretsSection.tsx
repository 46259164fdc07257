import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus, RefreshCw, Trash2 } from 'lucide-react';
import { api } from '../../api';
import { formatDateTime } from '../../i18n/format';
import { Button, Dialog, useToast } from '../../ui';
import { TeamCard } from '../TeamCard';
import { teamErrorMessage } from '../teamErrors';
import { useTeamList } from '../useTeamList';
import { SecretDialog } from './SecretDialog';

const listSecrets = () => api.team.listSecrets();

/** Passwords and keys that HTTP-request steps use as {{secret.NAME}}; values go in and never come back. */
export function SecretsSection() {
  const { t, i18n } = useTranslation('settings');
  const toast = useToast();
  const { load, refresh } = useTeamList(listSecrets);
  // null: closed; '': a new secret; a name: replacing that secret's value.
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    if (!deleting) return;
    setBusy(true);
    try {
      await api.team.deleteSecret(deleting);
      toast.show(t('secrets.deleted', { name: deleting }), 'success');
      setDeleting(null);
      await refresh();
    } catch (err) {
      toast.show(teamErrorMessage(err, t), 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <TeamCard
      id="secrets"
      heading={t('secrets.heading')}
      intro={t('secrets.intro', { example: '{{secret.NAME}}' })}
      action={
        <Button variant="primary" icon={<Plus size={16} aria-hidden />} onClick={() => setEditing('')}>
          {t('secrets.add')}
        </Button>
      }
      load={load}
      empty={t('secrets.empty')}
      after={
        <>
          <SecretDialog
            name={editing}
            taken={load.status === 'ready' ? load.items.map((s) => s.name) : []}
            hosts={load.status === 'ready' ? (load.items.find((s) => s.name === editing)?.hosts ?? []) : []}
            onClose={() => setEditing(null)}
            onSaved={(name) => {
              toast.show(t('secrets.saved', { name }), 'success');
              setEditing(null);
              void refresh();
            }}
          />
          <Dialog
            open={deleting !== null}
            role="alertdialog"
            onClose={() => setDeleting(null)}
            title={t('secrets.deleteTitle', { name: deleting ?? '' })}
            footer={
              <>
                <Button onClick={() => setDeleting(null)}>{t('cancel')}</Button>
                <Button variant="danger" busy={busy} onClick={() => void remove()}>
                  {t('secrets.delete')}
                </Button>
              </>
            }
          >
            <p>{t('secrets.deleteBody')}</p>
          </Dialog>
        </>
      }
    >
      {(secrets) => (
        <table className="sb-team-table">
          <thead>
            <tr>
              <th scope="col">{t('secrets.name')}</th>
              <th scope="col">{t('secrets.inFlows')}</th>
              <th scope="col">{t('secrets.hosts')}</th>
              <th scope="col">{t('secrets.updated')}</th>
              <th scope="col">
                <span className="sb-visually-hidden">{t('people.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {secrets.map((secret) => (
              <tr key={secret.name}>
                <td className="sb-team-table__name">{secret.name}</td>
                <td>
                  <code>{`{{secret.${secret.name}}}`}</code>
                </td>
                <td>{secret.hosts.length > 0 ? secret.hosts.join(', ') : <span className="sb-settings__warning">{t('secrets.noHosts')}</span>}</td>
                <td>{formatDateTime(secret.updatedAt, i18n.language)}</td>
                <td className="sb-team-table__actions">
                  <Button size="sm" variant="ghost" icon={<RefreshCw size={14} aria-hidden />} aria-label={t('secrets.replaceFor', { name: secret.name })} onClick={() => setEditing(secret.name)}>
                    {t('secrets.replace')}
                  </Button>
                  <Button size="sm" variant="ghost" icon={<Trash2 size={14} aria-hidden />} aria-label={t('secrets.deleteFor', { name: secret.name })} onClick={() => setDeleting(secret.name)}>
                    {t('secrets.delete')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </TeamCard>
  );
}
