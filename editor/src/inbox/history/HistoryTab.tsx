import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowLeft, Search } from 'lucide-react';
import { api, type ConversationSummary, type ConversationTranscript } from '../../api';
import { Alert, Badge, Button, Select, TextField } from '../../ui';
import { Transcript } from '../conversation/Transcript';
import { VariablesPanel } from '../conversation/VariablesPanel';
import { customerLabel, shortId } from '../queue/customerLabel';

interface Filters {
  q: string;
  flowId: string;
  from: string;
  to: string;
}

/** Past conversations: search by text, date range and flow; read a transcript without changing it. */
export function HistoryTab() {
  const { t, i18n } = useTranslation('inbox');
  const [filters, setFilters] = useState<Filters>({ q: '', flowId: '', from: '', to: '' });
  const [flows, setFlows] = useState<{ id: string; name: string }[]>([]);
  const [results, setResults] = useState<ConversationSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [open, setOpen] = useState<ConversationTranscript | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.inbox.historyFlows().then(setFlows, () => setFlows([]));
    void search();
    // Opens on the newest conversations, unfiltered, once; later searches follow the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function search(event?: FormEvent, after?: string) {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const page = await api.inbox.history({ ...filters, ...(after ? { cursor: after } : {}) });
      setResults((current) => (after && current ? [...current, ...page.conversations] : page.conversations));
      setCursor(page.nextCursor);
    } catch {
      setError(t('errors.search'));
    } finally {
      setBusy(false);
    }
  }

  async function openTranscript(sessionId: string) {
    try {
      setOpen(await api.inbox.transcript(sessionId));
    } catch {
      setError(t('errors.notFound'));
    }
  }

  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: e.target.value }));
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  if (open) {
    const c = open.conversation;
    return (
      <section className="sb-history-transcript" aria-labelledby="sb-history-title">
        <header className="sb-conversation__header">
          <Button variant="ghost" icon={<ArrowLeft size={16} aria-hidden />} onClick={() => setOpen(null)}>
            {t('backToResults')}
          </Button>
          <div className="sb-conversation__title">
            <h2 id="sb-history-title">{customerLabel(c.variables) ?? t('customerRef', { ref: shortId(c.sessionId) })}</h2>
            <p className="sb-muted">
              {c.flowName} · {when(c.startedAt)}
            </p>
          </div>
          <Badge>{t('readOnly')}</Badge>
        </header>
        <div className="sb-conversation__body">
          <div className="sb-conversation__main">
            <Transcript messages={open.messages} />
          </div>
          <VariablesPanel variables={c.variables} {...(c.handoff ? { note: c.handoff.note } : {})} />
        </div>
      </section>
    );
  }

  return (
    <section className="sb-history" aria-label={t('history')}>
      <form className="sb-history__filters" onSubmit={(e) => void search(e)} role="search">
        <TextField label={t('searchText')} type="search" value={filters.q} onChange={set('q')} icon={<Search size={16} aria-hidden />} />
        <Select
          label={t('flow')}
          value={filters.flowId}
          onChange={set('flowId')}
          options={[{ value: '', label: t('allFlows') }, ...flows.map((f) => ({ value: f.id, label: f.name }))]}
        />
        <TextField label={t('fromDate')} type="date" value={filters.from} onChange={set('from')} />
        <TextField label={t('toDate')} type="date" value={filters.to} onChange={set('to')} />
        <Button type="submit" variant="primary" busy={busy}>
          {t('search')}
        </Button>
      </form>
      {error && <Alert>{error}</Alert>}
      {results && results.length === 0 && <p className="sb-inbox-empty">{t('noResults')}</p>}
      {results && results.length > 0 && (
        <table className="sb-history__table">
          <thead>
            <tr>
              <th scope="col">{t('customer')}</th>
              <th scope="col">{t('flow')}</th>
              <th scope="col">{t('started')}</th>
              <th scope="col">{t('excerpt')}</th>
              <th scope="col">{t('agentColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.sessionId}>
                <td>
                  <button type="button" className="sb-linklike" onClick={() => void openTranscript(r.sessionId)}>
                    {(r.handoff && customerLabel(r.handoff.variables)) ?? t('customerRef', { ref: shortId(r.sessionId) })}
                  </button>
                </td>
                <td>{r.flowName}</td>
                <td>{when(r.startedAt)}</td>
                <td className="sb-history__excerpt">{r.excerpt ?? '—'}</td>
                <td>{r.handoff?.assignedAgent?.name ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <Button onClick={() => void search(undefined, cursor)} busy={busy}>
          {t('loadMore')}
        </Button>
      )}
    </section>
  );
}
