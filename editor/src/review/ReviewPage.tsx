import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowLeft, BarChart3 } from 'lucide-react';
import type { FlowNode } from '@switchboard/runtime';
import { api, type ReviewReason, type VersionSummary } from '../api';
import { Link, analyticsPath, flowPath, useLocation } from '../app/router';
import { Button, useToast } from '../ui';
import { nodeSummary } from '../flow-editor/kinds';
import { truncate } from '../flow-editor/model/truncate';
import { VersionSelect } from '../analytics/VersionSelect';
import { ReviewGroupCard } from './ReviewGroupCard';
import { targetsOf } from './phraseTargets';
import { useReview, type ReviewFilters, type ReviewOutcome } from './useReview';
import './review.css';

const REASONS: ReviewReason[] = ['lowConfidence', 'noMatch', 'unclearAnswer'];
/** Steps where customers type something that can go unrecognised. */
const REVIEWED_KINDS = new Set<FlowNode['type']>(['intent', 'faq', 'choice', 'question']);

/** "Not understood": what customers wrote that the bot did not understand, grouped, with one click to teach it. */
export default function ReviewPage({ flowId }: { flowId: string }) {
  const { t } = useTranslation('review');
  const toast = useToast();
  const { search } = useLocation();
  // Opened from a step's inspector: that step's messages first.
  const [filters, setFilters] = useState<ReviewFilters>(() => {
    const step = new URLSearchParams(search).get('step');
    return step ? { nodeId: step } : {};
  });
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const review = useReview(flowId, filters);
  const { load, flow } = review;
  const now = useMemo(() => new Date(), [load]); // eslint-disable-line react-hooks/exhaustive-deps -- "3 minutes ago" is relative to when the list came

  useEffect(() => {
    api.versions.list(flowId).then(setVersions, () => setVersions([]));
  }, [flowId]);

  const targets = useMemo(() => (flow ? targetsOf(flow) : { intent: [], faq: [], choice: [] }), [flow]);
  const steps = useMemo(() => new Map((flow?.nodes ?? []).map((n) => [n.id, n])), [flow]);
  const stepName = (nodeId: string | null) => {
    const node = nodeId === null ? undefined : steps.get(nodeId);
    if (!node) return t('deletedStep');
    const summary = truncate(nodeSummary(node), 40);
    return summary ? t('stepLabel', { kind: t(`inspector:kinds.${node.type}`), summary }) : t(`inspector:kinds.${node.type}`);
  };

  const announce = (outcome: ReviewOutcome) => {
    if (outcome.kind === 'failed') {
      toast.show(outcome.conflict ? t('conflict') : t('actionFailed', { message: outcome.message ?? t('loadFailed') }), 'error');
      return;
    }
    const undo = () =>
      outcome.undo().then(
        () => toast.show(t('undone'), 'info'),
        () => toast.show(t('undoFailed'), 'error'),
      );
    const text = outcome.kind === 'added' ? t('added', { phrase: outcome.phrase, target: outcome.target }) : t('dismissed', { phrase: outcome.phrase });
    toast.show(
      <span className="rv-toast">
        {text}{' '}
        <button type="button" className="rv-undo" onClick={() => void undo()}>
          {t('undo')}
        </button>
      </span>,
      'success',
    );
  };

  const actions = {
    add: (group: Parameters<typeof review.add>[0], option: Parameters<typeof review.add>[1]) => void review.add(group, option).then(announce),
    dismiss: (group: Parameters<typeof review.dismiss>[0]) => void review.dismiss(group).then(announce),
  };

  const filtered = Object.values(filters).some((v) => v !== undefined);
  const stepOptions = (flow?.nodes ?? []).filter((n) => REVIEWED_KINDS.has(n.type));

  return (
    <main className="rv-page">
      <header className="rv-header">
        <Link to={flowPath(flowId)} className="rv-link">
          <ArrowLeft size={16} aria-hidden /> {t('backToFlow')}
        </Link>
        <h1>{t('title')}</h1>
        <Link to={analyticsPath(flowId)} className="rv-link">
          <BarChart3 size={16} aria-hidden /> {t('analytics')}
        </Link>
      </header>
      <p className="rv-intro">{t('intro')}</p>
      <div className="rv-controls" role="group" aria-label={t('filters')}>
        <label>
          {t('step')}{' '}
          <select className="sb-input" value={filters.nodeId ?? ''} onChange={(e) => setFilters({ ...filters, nodeId: e.target.value || undefined })}>
            <option value="">{t('allSteps')}</option>
            {stepOptions.map((n) => (
              <option key={n.id} value={n.id}>
                {stepName(n.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reason')}{' '}
          <select className="sb-input" value={filters.reason ?? ''} onChange={(e) => setFilters({ ...filters, reason: (e.target.value || undefined) as ReviewReason | undefined })}>
            <option value="">{t('allReasons')}</option>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`reasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <VersionSelect label={t('version')} noneLabel={t('allVersions')} versions={versions} value={filters.version ?? null} onChange={(v) => setFilters({ ...filters, version: v ?? undefined })} />
      </div>
      {review.unpublished && (
        <p className="rv-unpublished" role="status">
          {t('unpublished')} <Link to={flowPath(flowId)}>{t('openToPublish')}</Link>
        </p>
      )}
      {load.status === 'loading' && <p className="rv-note">{t('loading')}</p>}
      {load.status === 'error' && (
        <p role="alert" className="rv-error">
          {load.message ?? t('loadFailed')}{' '}
          <Button size="sm" onClick={() => void review.reload()}>
            {t('retry')}
          </Button>
        </p>
      )}
      {load.status === 'ready' && (
        <>
          {load.groups.length === 0 ? (
            <p className="rv-empty">{filtered ? t('emptyFiltered') : t('empty')}</p>
          ) : (
            <ul className="rv-list" aria-label={t('title')}>
              {load.groups.map((g) => (
                <ReviewGroupCard key={g.keys.join('\n')} group={g} targets={targets} stepName={stepName} busy={review.busy} now={now} actions={actions} />
              ))}
            </ul>
          )}
          {load.total > load.groups.length && (
            <Button onClick={() => void review.more()}>{t('showMore', { count: load.total - load.groups.length })}</Button>
          )}
          {load.truncated && <p className="rv-note">{t('truncated')}</p>}
        </>
      )}
    </main>
  );
}
