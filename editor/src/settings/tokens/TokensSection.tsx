import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeySquare, Trash2 } from 'lucide-react';
import { api, type ApiTokenInfo } from '../../api';
import { formatDateTime } from '../../i18n/format';
import { Button, Dialog, useToast } from '../../ui';
import { TeamCard } from '../TeamCard';
import { teamErrorMessage } from '../teamErrors';
import { useTeamList } from '../useTeamList';
import { NewTokenDialog } from './NewTokenDialog';

const listTokens = () => api.team.listTokens();

/** Keys for scripts and other systems: created with a name and an expiry, shown once, revoked here. */
export function TokensSection() {
  const { t, i18n } = useTranslation('settings');
  const toast = useToast();
  const { load, refresh } = useTeamList(listTokens);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiTokenInfo | null>(null);
  const [busy, setBusy] = useState(false);

  async function revoke() {
    if (!revoking) return;
    setBusy(true);
    try {
      await api.team.revokeToken(revoking.id);
      toast.show(t('tokens.revoked', { name: revoking.name }), 'success');
      setRevoking(null);
      await refresh();
    } catch (err) {
      toast.show(teamErrorMessage(err, t), 'error');
    } finally {
      setBusy(false);
    }
  }

  const date = (iso: string | null, none: string) => (iso ? formatDateTime(iso, i18n.language) : <span className="sb-muted">{none}</span>);
  const expired = (token: ApiTokenInfo) => token.expiresAt !== null && Date.parse(token.expiresAt) <= Date.now();

  return (
    <TeamCard
      id="tokens"
      heading={t('tokens.heading')}
      intro={t('tokens.intro')}
      action={
        <Button variant="primary" icon={<KeySquare size={16} aria-hidden />} onClick={() => setCreating(true)}>
          {t('tokens.add')}
        </Button>
      }
      load={load}
      empty={t('tokens.empty')}
      after={
        <>
          <NewTokenDialog open={creating} onClose={() => setCreating(false)} onCreated={() => void refresh()} />
          <Dialog
            open={revoking !== null}
            role="alertdialog"
            onClose={() => setRevoking(null)}
            title={t('tokens.revokeTitle', { name: revoking?.name ?? '' })}
            footer={
              <>
                <Button onClick={() => setRevoking(null)}>{t('cancel')}</Button>
                <Button variant="danger" busy={busy} onClick={() => void revoke()}>
                  {t('tokens.revoke')}
                </Button>
              </>
            }
          >
            <p>{t('tokens.revokeBody')}</p>
          </Dialog>
        </>
      }
    >
      {(tokens) => (
        <table className="sb-team-table">
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('people.role')}</th>
              <th scope="col">{t('tokens.lastUsed')}</th>
              <th scope="col">{t('tokens.expires')}</th>
              <th scope="col">
                <span className="sb-visually-hidden">{t('people.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} className={expired(token) ? 'is-inactive' : undefined}>
                <td>
                  <div className="sb-team-table__name">{token.name}</div>
                  <div className="sb-muted sb-team-table__sub">{t('tokens.created', { date: formatDateTime(token.createdAt, i18n.language) })}</div>
                </td>
                <td>{t(`roles.${token.role}`)}</td>
                <td>{date(token.lastUsedAt, t('people.never'))}</td>
                <td>{expired(token) ? t('tokens.expired') : date(token.expiresAt, t('tokens.noExpiry'))}</td>
                <td className="sb-team-table__actions">
                  <Button size="sm" variant="ghost" icon={<Trash2 size={14} aria-hidden />} aria-label={t('tokens.revokeFor', { name: token.name })} onClick={() => setRevoking(token)}>
                    {t('tokens.revoke')}
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
