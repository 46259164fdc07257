import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Download, Search, Trash2 } from 'lucide-react';
import { api, isApiError, type PrivacyMatch } from '../../api';
import { formatDateTime } from '../../i18n/format';
import { Button, TextField, useToast } from '../../ui';
import { downloadJson } from './downloadJson';
import { EraseDialog } from './EraseDialog';

type Results = { query: string; conversations: PrivacyMatch[] } | null;

/**
 * A customer's data-protection request: find every conversation of theirs, then download it
 * (access) or erase it. Both are recorded in the audit log with the admin's name.
 */
export function CustomerDataCard() {
  const { t, i18n } = useTranslation('privacy');
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [erasing, setErasing] = useState(false);

  const message = (err: unknown) => (isApiError(err) ? (err.details[0]?.message ?? err.message) : String(err));

  async function search(event?: FormEvent) {
    event?.preventDefault();
    const text = query.trim();
    if (text.length < 3) {
      setError(t('customers.tooShort'));
      return;
    }
    setError(null);
    setSearching(true);
    try {
      const conversations = await api.privacy.search(text);
      setResults({ query: text, conversations });
      setSelected(new Set(conversations.map((c) => c.sessionId)));
    } catch (err) {
      setError(message(err));
    } finally {
      setSearching(false);
    }
  }

  async function exportSelected() {
    setExporting(true);
    try {
      const data = await api.privacy.exportConversations([...selected]);
      downloadJson(data, `conversations-${new Date().toISOString().slice(0, 10)}.json`);
      toast.show(t('customers.exported', { count: selected.size }), 'success');
    } catch (err) {
      toast.show(message(err), 'error');
    } finally {
      setExporting(false);
    }
  }

  async function eraseSelected() {
    const erased = await api.privacy.erase([...selected]);
    toast.show(t('customers.erased', { count: erased }), 'success');
    setErasing(false);
    if (results) {
      setResults({ ...results, conversations: results.conversations.filter((c) => !selected.has(c.sessionId)) });
      setSelected(new Set());
    }
  }

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  return (
    <section className="sb-settings__card" aria-labelledby="sb-customers-heading">
      <h2 id="sb-customers-heading" className="sb-settings__heading">
        {t('customers.heading')}
      </h2>
      <p className="sb-muted">{t('customers.intro')}</p>
      <p className="sb-muted">{t('customers.auditNote')}</p>
      <form className="sb-privacy__search" role="search" onSubmit={(e) => void search(e)} noValidate>
        <TextField
          label={t('customers.query')}
          hint={t('customers.queryHint')}
          value={query}
          maxLength={320}
          autoComplete="off"
          spellCheck={false}
          error={error ?? undefined}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Button type="submit" variant="primary" busy={searching} icon={<Search size={16} aria-hidden />}>
          {t('customers.search')}
        </Button>
      </form>

      {results && results.conversations.length === 0 && <p className="sb-settings__empty">{t('customers.none', { query: results.query })}</p>}
      {results && results.conversations.length > 0 && (
        <>
          <p role="status" className="sb-muted">
            {t('customers.found', { count: results.conversations.length, query: results.query })}
          </p>
          <table className="sb-team-table sb-privacy__results">
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t('customers.selectAll')}
                    checked={selected.size === results.conversations.length}
                    onChange={(e) => setSelected(e.target.checked ? new Set(results.conversations.map((c) => c.sessionId)) : new Set())}
                  />
                </th>
                <th scope="col">{t('customers.started')}</th>
                <th scope="col">{t('customers.flow')}</th>
                <th scope="col">{t('customers.matchedBy')}</th>
                <th scope="col">{t('customers.details')}</th>
              </tr>
            </thead>
            <tbody>
              {results.conversations.map((c) => (
                <tr key={c.sessionId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('customers.select', { id: c.sessionId })}
                      checked={selected.has(c.sessionId)}
                      onChange={(e) => toggle(c.sessionId, e.target.checked)}
                    />
                  </td>
                  <td>
                    <div>{formatDateTime(c.startedAt, i18n.language)}</div>
                    <div className="sb-muted sb-team-table__sub">
                      <code>{c.sessionId}</code>
                    </div>
                  </td>
                  <td>{c.flowName}</td>
                  <td>{t(`customers.by.${c.matchedBy}`)}</td>
                  <td className="sb-privacy__vars">
                    {t('customers.messages', { count: c.messageCount })}
                    {Object.entries(c.variables).map(([name, value]) => (
                      <div key={name} className="sb-muted">
                        {name}: {String(value)}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="sb-privacy__actions">
            <Button icon={<Download size={16} aria-hidden />} busy={exporting} disabled={selected.size === 0} onClick={() => void exportSelected()}>
              {t('customers.export', { count: selected.size })}
            </Button>
            <Button variant="danger" icon={<Trash2 size={16} aria-hidden />} disabled={selected.size === 0} onClick={() => setErasing(true)}>
              {t('customers.erase', { count: selected.size })}
            </Button>
          </div>
        </>
      )}
      <EraseDialog open={erasing} count={selected.size} onCancel={() => setErasing(false)} onConfirm={eraseSelected} />
    </section>
  );
}
