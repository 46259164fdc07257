import { useTranslation } from 'react-i18next';
import { Info } from 'lucide-react';
import type { AnalyticsFigures } from '../api';

interface Props {
  figures: AnalyticsFigures;
  /** A second version's figures, shown beside each value. */
  compare?: { version: number; figures: AnalyticsFigures } | null;
}

type Format = (f: AnalyticsFigures) => string;

/** One figure with its definition a hover or focus away, and the compared version's value. */
function Card({ id, label, definition, value, compare }: { id: string; label: string; definition: string; value: string; compare?: string }) {
  const defId = `fig-def-${id}`;
  return (
    <div className="sba-card" data-figure={id}>
      <div className="sba-card__head">
        <span className="sba-card__label">{label}</span>
        <button type="button" className="sba-card__info" aria-label={definition} title={definition} aria-describedby={defId}>
          <Info size={14} aria-hidden />
        </button>
        <span id={defId} role="tooltip" className="sba-card__tooltip">
          {definition}
        </span>
      </div>
      <div className="sba-card__value">{value}</div>
      {compare !== undefined && <div className="sba-card__compare">{compare}</div>}
    </div>
  );
}

/** The figures of one window as cards; each card's tooltip holds the figure's definition. */
export function FigureCards({ figures, compare }: Props) {
  const { t, i18n } = useTranslation('analytics');
  const num = (n: number) => n.toLocaleString(i18n.language);
  const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toLocaleString(i18n.language, { maximumFractionDigits: 1 })}%`);
  const share = (n: number, of: number) => (of === 0 ? '—' : pct(n / of));
  const secs = (ms: number | null) => (ms === null ? '—' : t('duration', { value: (ms / 1000).toLocaleString(i18n.language, { maximumFractionDigits: 0 }) }));

  const replyTime = (ms: number | null) =>
    ms === null ? '—' : ms < 1000 ? t('durationMs', { value: num(ms) }) : t('duration', { value: (ms / 1000).toLocaleString(i18n.language, { maximumFractionDigits: 1 }) });
  const cards: { id: string; value: Format }[] = [
    { id: 'started', value: (f) => num(f.conversations.started) },
    { id: 'uniqueVisitors', value: (f) => num(f.uniqueVisitors) },
    { id: 'contained', value: (f) => `${num(f.conversations.contained)} · ${share(f.conversations.contained, f.conversations.started)}` },
    { id: 'handedOff', value: (f) => `${num(f.conversations.handedOff)} · ${share(f.conversations.handedOff, f.conversations.started)}` },
    { id: 'offline', value: (f) => num(f.conversations.offline) },
    { id: 'abandoned', value: (f) => `${num(f.conversations.abandoned)} · ${share(f.conversations.abandoned, f.conversations.started)}` },
    { id: 'csat', value: (f) => (f.csat.average === null ? '—' : `${f.csat.average.toLocaleString(i18n.language, { maximumFractionDigits: 2 })} / 5 (${num(f.csat.count)})`) },
    { id: 'faqHelpful', value: (f) => pct(f.faqHelpful.yesRate) },
    {
      id: 'knowledgeAnswers',
      value: (f) => `${num(f.knowledgeAnswers.answered)} / ${num(f.knowledgeAnswers.noAnswer)} / ${num(f.knowledgeAnswers.failed)}`,
    },
    { id: 'knowledgeHelpful', value: (f) => pct(f.knowledgeHelpful.yesRate) },
    {
      id: 'intentTieBreaks',
      value: (f) => `${num(f.intentTieBreaks.picked)} / ${num(f.intentTieBreaks.none)} / ${num(f.intentTieBreaks.failed)}`,
    },
    { id: 'tieBreakAgreement', value: (f) => pct(f.intentTieBreaks.agreementRate) },
    { id: 'botReplyTime', value: (f) => (f.botReplyTime.count === 0 ? '—' : `${replyTime(f.botReplyTime.p50Ms)} / ${replyTime(f.botReplyTime.p95Ms)}`) },
    { id: 'unrecognised', value: (f) => `${num(f.unrecognised.count)} · ${f.unrecognised.per100 === null ? '—' : f.unrecognised.per100.toLocaleString(i18n.language, { maximumFractionDigits: 1 })} / 100` },
  ];
  const label = (v: number) => t('versionShort', { version: v });
  return (
    <div className="sba-figures">
      <div className="sba-cards">
        {cards.map((c) => (
          <Card
            key={c.id}
            id={c.id}
            label={t(`figures.${c.id}.label`)}
            definition={t(`figures.${c.id}.definition`)}
            value={c.value(figures)}
            {...(compare ? { compare: `${label(compare.version)}: ${c.value(compare.figures)}` } : {})}
          />
        ))}
      </div>
      {figures.csat.count > 0 && (
        <p className="sba-note" data-testid="csat-distribution">
          {t('csatDistribution', { counts: figures.csat.distribution.map((n, i) => `${i + 1}★ ${num(n)}`).join(' · ') })}
        </p>
      )}
      <section aria-labelledby="sba-goals">
        <h2 id="sba-goals" className="sba-h2" title={t('goalsDefinition')}>
          {t('goals')}
        </h2>
        {figures.goals.length === 0 ? (
          <p className="sba-note">{t('noGoals')}</p>
        ) : (
          <table className="sba-table">
            <thead>
              <tr>
                <th>{t('goal')}</th>
                <th>{t('conversions')}</th>
                <th>{t('rate')}</th>
                {compare && <th>{label(compare.version)}</th>}
              </tr>
            </thead>
            <tbody>
              {figures.goals.map((g) => {
                const other = compare?.figures.goals.find((o) => o.nodeId === g.nodeId);
                return (
                  <tr key={g.nodeId}>
                    <td>{g.label}</td>
                    <td>{num(g.conversions)}</td>
                    <td>{pct(g.rate)}</td>
                    {compare && <td>{other ? `${num(other.conversions)} · ${pct(other.rate)}` : '—'}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="sba-agents">
        <h2 id="sba-agents" className="sba-h2" title={t('agentTimesDefinition')}>
          {t('agentTimes')}
        </h2>
        {figures.agentTimes.length === 0 ? (
          <p className="sba-note">{t('noHandoffs')}</p>
        ) : (
          <table className="sba-table">
            <thead>
              <tr>
                <th>{t('queue')}</th>
                <th>{t('handoffs')}</th>
                <th>{t('firstReply')}</th>
                <th>{t('close')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.agentTimes.map((q) => (
                <tr key={q.queue}>
                  <td>{q.queue}</td>
                  <td>{num(q.handoffs)}</td>
                  <td>{`${secs(q.firstReply.p50Ms)} / ${secs(q.firstReply.p90Ms)}`}</td>
                  <td>{`${secs(q.close.p50Ms)} / ${secs(q.close.p90Ms)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {figures.retained.started > 0 && <p className="sba-note">{t('retainedNote', { count: figures.retained.started })}</p>}
    </div>
  );
}
