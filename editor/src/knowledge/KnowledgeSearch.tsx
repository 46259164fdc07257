import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ExternalLink, Search } from 'lucide-react';
import { api, type FlowSummary, type KnowledgeHit } from '../api';
import { formatNumber } from '../i18n/format';
import { Alert, Badge, Button, Select, TextField } from '../ui';
import { HighlightedText } from './HighlightedText';
import { knowledgeErrorMessage } from './knowledgeErrors';

type SearchState = { status: 'idle' } | { status: 'searching' } | { status: 'error'; message: string } | { status: 'done'; hits: KnowledgeHit[] };

function Hit({ hit }: { hit: KnowledgeHit }) {
  const { t, i18n } = useTranslation('knowledge');
  return (
    <li className="sbk-passage">
      <div className="sbk-passage__head">
        {hit.origin === 'faq' && <Badge tone="info">{t('search.faq')}</Badge>}
        <span className="sbk-passage__source">{hit.sourceTitle}</span>
        {hit.sourceUrl && (
          <a href={hit.sourceUrl} target="_blank" rel="noopener noreferrer" className="sbk-table__link" aria-label={t('search.openSource')}>
            <ExternalLink size={14} aria-hidden />
          </a>
        )}
        <span className="sbk-passage__score">{t('search.score', { score: formatNumber(Math.round(hit.score * 100) / 100, i18n.language) })}</span>
      </div>
      <HighlightedText text={hit.text} ranges={hit.highlights} />
    </li>
  );
}

/** The search box: which passages a question retrieves, as an answer step would get them. */
export function KnowledgeSearch() {
  const { t } = useTranslation('knowledge');
  const [question, setQuestion] = useState('');
  const [flowId, setFlowId] = useState('');
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const pending = useRef<AbortController | null>(null);

  useEffect(() => {
    let alive = true;
    // The flow picker is a convenience: without the list, sources are still searched.
    api.flows.list().then(
      (list) => alive && setFlows(list),
      () => undefined,
    );
    return () => {
      alive = false;
      pending.current?.abort();
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const q = question.trim();
    if (!q) return;
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setState({ status: 'searching' });
    try {
      const hits = await api.knowledge.search(q, flowId || null, controller.signal);
      if (!controller.signal.aborted) setState({ status: 'done', hits });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ status: 'error', message: knowledgeErrorMessage(error, t) });
    }
  }

  return (
    <section className="sbk-card sbk-search" aria-labelledby="sbk-search-title">
      <h2 id="sbk-search-title" className="sbk-card__title">
        {t('search.title')}
      </h2>
      <p className="sbk-card__intro">{t('search.intro')}</p>
      <form className="sbk-search__form" onSubmit={(e) => void submit(e)} role="search">
        <TextField
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={question}
          maxLength={500}
          icon={<Search size={16} aria-hidden />}
          onChange={(e) => setQuestion(e.target.value)}
        />
        <Select
          label={t('search.flow')}
          value={flowId}
          onChange={(e) => setFlowId(e.target.value)}
          options={[{ value: '', label: t('search.noFlow') }, ...flows.map((f) => ({ value: f.id, label: f.name }))]}
        />
        <Button type="submit" variant="primary" icon={<Search size={16} aria-hidden />} busy={state.status === 'searching'} disabled={!question.trim()}>
          {t('search.submit')}
        </Button>
      </form>
      <div aria-live="polite" className="sbk-search__results">
        {state.status === 'searching' && <p className="sbk-muted">{t('search.searching')}</p>}
        {state.status === 'error' && <Alert>{state.message}</Alert>}
        {state.status === 'done' && state.hits.length === 0 && <p className="sbk-muted">{t('search.none')}</p>}
        {state.status === 'done' && state.hits.length > 0 && (
          <>
            <p className="sbk-muted">{t('search.results', { count: state.hits.length })}</p>
            <ol className="sbk-passages">
              {state.hits.map((hit) => (
                <Hit key={hit.id} hit={hit} />
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}
