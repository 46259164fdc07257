import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus, RefreshCw, Trash2 } from 'lucide-react';
import { api, type SecretInfo } from '../../api';
import { formatDateTime } from '../../i18n/format';
import { Alert, Button, Dialog, useToast } from '../../ui';
import { teamErrorMessage } from '../teamErrors';
import { SecretDialog } from './SecretDialog';

type Load = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; secrets: SecretInfo[] };

/** Passwords and keys that HTTP-request steps use as {{secret.NAME}}; values go in and never come back. */
export function SecretsSection() {
  const { t, i18n } = useTranslation('settings');
  const toast = useToast();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  // null: closed; '': a new secret; a name: replacing that secret's value.
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setLoad({ status: 'ready', secrets: await api.team.listSecrets() });
    } catch (err) {
      setLoad({ status: 'failed', message: teamErrorMessage(err, t) });
    }
  }, [t]);
  useEffect(() => void refresh(), [refresh]);

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
    <section className="sb-settings__card" aria-labelledby="sb-secrets-heading">
      <div className="sb-settings__card-head">
        <div>
          <h2 id="sb-secrets-heading" className="sb-settings__heading">
            {t('secrets.heading')}
          </h2>
          <p className="sb-muted">{t('secrets.intro', { example: '{{secret.NAME}}' })}</p>
        </div>
        <Button variant="primary" icon={<Plus size={16} aria-hidden />} onClick={() => setEditing('')}>
          {t('secrets.add')}
        </Button>
      </div>
      {load.status === 'loading' && <p className="sb-muted">{t('loading')}</p>}
      {load.status === 'failed' && <Alert>{load.message}</Alert>}
      {load.status === 'ready' && load.secrets.length === 0 && <p className="sb-settings__empty">{t('secrets.empty')}</p>}
      {load.status === 'ready' && load.secrets.length > 0 && (
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
            {load.secrets.map((secret) => (
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
      <SecretDialog
        name={editing}
        taken={load.status === 'ready' ? load.secrets.map((s) => s.name) : []}
        hosts={load.status === 'ready' ? (load.secrets.find((s) => s.name === editing)?.hosts ?? []) : []}
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
    </section>
  );
}
