import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Download, Filter } from 'lucide-react';
import { api, type AuditEntry, type AuditFilters } from '../../api';
import { AUDIT_ACTIONS } from './auditActions';
import { formatDateTime } from '../../i18n/format';
import { Alert, Button, Select, TextField } from '../../ui';

const NO_FILTERS: AuditFilters = { actor: '', action: '', from: '', to: '' };

type Load = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; entries: AuditEntry[]; next: number | null };

/** Who did what: sign-ins, people, tokens, secrets, publishing, privacy. Admins only; read-only. */
export function AuditSection() {
  const { t, i18n } = useTranslation('privacy');
  const [draft, setDraft] = useState<AuditFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [more, setMore] = useState(false);

  const fetchPage = useCallback(async (applied: AuditFilters) => {
    setLoad({ status: 'loading' });
    try {
      const page = await api.privacy.auditLog(applied);
      setLoad({ status: 'ready', entries: page.entries, next: page.nextCursor });
    } catch (err) {
      setLoad({ status: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }, []);
  useEffect(() => void fetchPage(filters), [fetchPage, filters]);

  async function loadMore() {
    if (load.status !== 'ready' || load.next === null) return;
    setMore(true);
    try {
      const page = await api.privacy.auditLog(filters, load.next);
      setLoad({ status: 'ready', entries: [...load.entries, ...page.entries], next: page.nextCursor });
    } finally {
      setMore(false);
    }
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
  }

  const actor = (e: AuditEntry) => (e.actor.kind === 'system' ? t('audit.system') : (e.actor.name ?? t('audit.unknown')));
  // Conversation ids are long; their first characters tell them apart here, the export has them whole.
  const detail = (e: AuditEntry) =>
    Object.entries(e.detail)
      .map(([k, v]) => `${k}: ${k === 'sessionIds' && typeof v === 'string' ? v.split(' ').map((id) => `${id.slice(0, 8)}…`).join(' ') : String(v)}`)
      .join(', ');

  return (
    <section className="sb-settings__card sb-audit" aria-labelledby="sb-audit-heading">
      <div className="sb-settings__card-head">
        <div>
          <h2 id="sb-audit-heading" className="sb-settings__heading">
            {t('audit.heading')}
          </h2>
          <p className="sb-muted">{t('audit.intro')}</p>
        </div>
        <div className="sb-privacy__actions">
          <a className="sb-button sb-button--secondary" href={api.privacy.auditExportUrl(filters, 'csv')} download>
            <Download size={16} aria-hidden /> {t('audit.exportCsv')}
          </a>
          <a className="sb-button sb-button--secondary" href={api.privacy.auditExportUrl(filters, 'json')} download>
            <Download size={16} aria-hidden /> {t('audit.exportJson')}
          </a>
        </div>
      </div>
      <form className="sb-audit__filters" onSubmit={apply} aria-label={t('audit.filters')}>
        <TextField label={t('audit.actor')} value={draft.actor} maxLength={200} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} />
        <Select
          label={t('audit.action')}
          value={draft.action}
          options={[{ value: '', label: t('audit.anyAction') }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))]}
          onChange={(e) => setDraft({ ...draft, action: e.target.value as AuditFilters['action'] })}
        />
        <TextField label={t('audit.from')} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <TextField label={t('audit.to')} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <Button type="submit" icon={<Filter size={16} aria-hidden />}>
          {t('audit.apply')}
        </Button>
      </form>
      {load.status === 'loading' && <p className="sb-muted">{t('loading')}</p>}
      {load.status === 'failed' && <Alert>{load.message}</Alert>}
      {load.status === 'ready' && load.entries.length === 0 && <p className="sb-settings__empty">{t('audit.empty')}</p>}
      {load.status === 'ready' && load.entries.length > 0 && (
        <>
          <table className="sb-team-table sb-audit__table">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {load.entries.map((e) => (
                <tr key={e.id}>
                  <td className="sb-audit__when">{formatDateTime(e.at, i18n.language)}</td>
                  <td>{actor(e)}</td>
                  <td>{t(`audit.actions.${e.action}`)}</td>
                  <td>{e.target === null ? '' : <code>{e.target}</code>}</td>
                  <td className="sb-audit__detail">{detail(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {load.next !== null && (
            <div>
              <Button busy={more} onClick={() => void loadMore()}>
                {t('audit.more')}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
