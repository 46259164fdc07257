import { useTranslation } from 'react-i18next';
import type { PreviewKnowledgeOutcome } from './conversation';

/**
 * What the last "Answer from knowledge" step did on the server: the passages retrieved, the text
 * actually sent (the question masked as configured) and the model's raw answer, so staff can see
 * why a question was answered, not answered or failed before publishing.
 */
export function KnowledgeDebug({ outcome }: { outcome: PreviewKnowledgeOutcome }) {
  const { t } = useTranslation('preview');
  const { trace } = outcome;
  const summary =
    outcome.outcome === 'answered'
      ? t('knowledge.answered', { count: outcome.sources?.length ?? 0 })
      : t(`knowledge.${outcome.outcome}`, { reason: outcome.reason ?? '', detail: outcome.detail ?? '' });
  return (
    <section className="pv-kb" aria-label={t('knowledge.title')} data-testid="knowledge-debug">
      <h3 className="pv-kb__title">{t('knowledge.title')}</h3>
      <p className="pv-kb__summary">{summary}</p>
      <details className="pv-kb__part" open>
        <summary>{t('knowledge.passages', { count: trace.passages.length })}</summary>
        {trace.passages.length === 0 ? (
          <p className="pv-kb__empty">{t('knowledge.noPassages')}</p>
        ) : (
          <ol className="pv-kb__passages">
            {trace.passages.map((p) => (
              <li key={p.id}>
                <strong>{p.sourceTitle}</strong> <span className="pv-kb__score">{t('knowledge.score', { score: p.score.toFixed(2) })}</span>
                <p>{p.text}</p>
              </li>
            ))}
          </ol>
        )}
      </details>
      <details className="pv-kb__part">
        <summary>{trace.sent ? t('knowledge.sent', { count: trace.masked }) : t('knowledge.notSent')}</summary>
        {trace.sent?.map((m, i) => (
          <div key={i} className="pv-kb__message">
            <span className="pv-kb__role">{m.role}</span>
            <pre className="pv-kb__pre">{m.content}</pre>
          </div>
        ))}
      </details>
      <details className="pv-kb__part" open={trace.raw !== null}>
        <summary>{t('knowledge.raw')}</summary>
        <pre className="pv-kb__pre">{trace.raw ?? t('knowledge.noRaw')}</pre>
      </details>
    </section>
  );
}
