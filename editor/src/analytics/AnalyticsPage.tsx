import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowLeft, Download, MessageCircleQuestion } from 'lucide-react';
import { api, isApiError, type AnalyticsQuery, type AnalyticsResult, type VersionSummary } from '../api';
import { Link, flowPath, reviewPath } from '../app/router';
import { useCurrentUser } from '../app/auth/AuthContext';
import { FigureCards } from './FigureCards';
import { presetRange, type RangePreset } from './dateRange';
import { VersionSelect } from './VersionSelect';
import { ConversationsSection } from './conversations/ConversationsSection';
import './analytics.css';

// chart.js is loaded only when a chart is drawn, in its own chunk.
const DailyChart = lazy(() => import('./DailyChart'));
const GoalRateChart = lazy(() => import('./GoalRateChart'));

const PRESETS: RangePreset[] = ['today', '7', '30', 'custom'];

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; result: AnalyticsResult };

/** One flow's figures over a date range, for all versions, one, or two side by side. */
export default function AnalyticsPage({ flowId }: { flowId: string }) {
  const { t } = useTranslation('analytics');
  const role = useCurrentUser().role;
  const [preset, setPreset] = useState<RangePreset>('30');
  const [custom, setCustom] = useState(() => presetRange('30'));
  const [version, setVersion] = useState<number | null>(null);
  const [compare, setCompare] = useState<number | null>(null);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  const range = preset === 'custom' ? custom : presetRange(preset);
  const query: AnalyticsQuery = { ...range, ...(version !== null ? { version } : {}), ...(compare !== null ? { compare } : {}) };
  const key = JSON.stringify(query);
  const customInvalid = preset === 'custom' && (custom.from === '' || custom.to === '' || custom.from > custom.to);

  useEffect(() => {
    api.versions.list(flowId).then(setVersions, () => setVersions([]));
  }, [flowId]);

  useEffect(() => {
    if (customInvalid) return;
    let live = true;
    setLoad({ status: 'loading' });
    api.analytics.get(flowId, JSON.parse(key) as AnalyticsQuery).then(
      (result) => live && setLoad({ status: 'ready', result }),
      (err: unknown) => live && setLoad({ status: 'error', message: isApiError(err) ? err.message : t('loadFailed') }),
    );
    return () => {
      live = false;
    };
  }, [flowId, key, customInvalid, t]);

  return (
    <main className="sba-page">
      <header className="sba-header">
        <Link to={flowPath(flowId)} className="sba-back">
          <ArrowLeft size={16} aria-hidden /> {t('backToFlow')}
        </Link>
        <h1>{t('title')}</h1>
        {load.status === 'ready' && <span className="sba-tz">{t('timeZone', { zone: load.result.timeZone })}</span>}
        <Link to={reviewPath(flowId)} className="sba-back">
          <MessageCircleQuestion size={16} aria-hidden /> {t('review:openReviewTitle')}
        </Link>
      </header>
      <div className="sba-controls" role="group" aria-label={t('controls')}>
        <div className="sba-presets" role="radiogroup" aria-label={t('range')}>
          {PRESETS.map((p) => (
            <button key={p} type="button" role="radio" aria-checked={preset === p} className={preset === p ? 'sba-chip sba-chip--on' : 'sba-chip'} onClick={() => setPreset(p)}>
              {t(`presets.${p}`)}
            </button>
          ))}
        </div>
        {preset === 'custom' && (
          <span className="sba-custom">
            <label>
              {t('from')} <input type="date" className="sb-input" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
            </label>
            <label>
              {t('to')} <input type="date" className="sb-input" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
            </label>
          </span>
        )}
        <VersionSelect label={t('version')} noneLabel={t('allVersions')} versions={versions} value={version} onChange={setVersion} />
        <VersionSelect label={t('compareWith')} noneLabel={t('noCompare')} versions={versions} value={compare} onChange={setCompare} />
        <a className="sba-csv" href={api.analytics.csvUrl(flowId, query)} download>
          <Download size={14} aria-hidden /> {t('csv')}
        </a>
      </div>
      {customInvalid && <p role="alert" className="sba-error">{t('badRange')}</p>}
      {!customInvalid && load.status === 'loading' && <p className="sba-note">{t('loading')}</p>}
      {!customInvalid && load.status === 'error' && <p role="alert" className="sba-error">{load.message}</p>}
      {!customInvalid && load.status === 'ready' && (
        <>
          <FigureCards figures={load.result.figures} compare={load.result.compare} />
          <div className="sba-charts">
            <section aria-labelledby="sba-daily">
              <h2 id="sba-daily" className="sba-h2" title={t('dailyDefinition')}>
                {t('daily')}
              </h2>
              <Suspense fallback={<p className="sba-note">{t('loading')}</p>}>
                <DailyChart daily={load.result.figures.daily} />
              </Suspense>
            </section>
            {load.result.figures.goals.length > 0 && (
              <section aria-labelledby="sba-goal-rates">
                <h2 id="sba-goal-rates" className="sba-h2" title={t('goalRatesDefinition')}>
                  {t('goalRates')}
                </h2>
                <Suspense fallback={<p className="sba-note">{t('loading')}</p>}>
                  <GoalRateChart goals={load.result.figures.goals} />
                </Suspense>
              </section>
            )}
          </div>
        </>
      )}
      {!customInvalid && (
        <ConversationsSection
          flowId={flowId}
          range={range}
          version={version}
          goals={load.status === 'ready' ? load.result.figures.goals : []}
          // The inbox history's rule for transcripts: agents and admins (editors see analytics only).
          canReadTranscript={role === 'admin' || role === 'agent'}
        />
      )}
    </main>
  );
}
