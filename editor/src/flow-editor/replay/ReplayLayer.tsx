import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronLeft, ChevronRight, Pause, Play, X } from 'lucide-react';
import { useEditorStore } from '../store';
import { nodeSummary } from '../kinds';
import { panIntoView } from '../canvas/panIntoView';
import { replayEdgesCss } from './replayEdgesCss';
import { useReplayStore, type ReplayStep } from './replayStore';
import './replay.css';

/** How long each step stays current while playing. */
export const PLAY_STEP_MS = 1200;

/**
 * While a conversation is replayed: the path's edges drawn on the canvas, the canvas following
 * the current step, and the player (previous / play / next, leave) with the steps no longer on
 * the canvas listed.
 */
export function ReplayLayer({ onLeave }: { onLeave: () => void }) {
  const { t } = useTranslation('conversationList');
  const state = useReplayStore((s) => s.state);
  if (state.status === 'off') return null;
  if (state.status !== 'on') {
    return (
      <div className="fe-replay" role="status">
        <span>{state.status === 'loading' ? t('replay.loading') : t('replay.failed', { message: state.message })}</span>
        <button type="button" className="fe-replay__leave" onClick={onLeave}>
          <X size={14} aria-hidden /> {t('replay.leave')}
        </button>
      </div>
    );
  }
  return <ReplayPlayer steps={state.steps} current={state.current} playing={state.playing} sessionId={state.sessionId} version={state.version} startedAt={state.startedAt} onLeave={onLeave} />;
}

interface PlayerProps {
  steps: readonly ReplayStep[];
  current: number;
  playing: boolean;
  sessionId: string;
  version: number;
  startedAt: string;
  onLeave: () => void;
}

function ReplayPlayer({ steps, current, playing, sessionId, version, startedAt, onLeave }: PlayerProps) {
  const { t, i18n } = useTranslation('conversationList');
  const { t: tc } = useTranslation('canvas');
  const rf = useReactFlow();
  const { go, next, previous, setPlaying } = useReplayStore.getState();
  const edges = useEditorStore((s) => s.edges);
  const step = steps[current];
  const node = useEditorStore((s) => (step ? s.nodeById.get(step.nodeId) : undefined));
  // A string, so the player re-renders only when which steps are missing changes.
  const missingKey = useEditorStore((s) => steps.map((x, i) => (s.nodeById.has(x.nodeId) ? '' : `${i}`)).filter(Boolean).join(','));
  const missing = missingKey === '' ? [] : missingKey.split(',').map(Number);

  useEffect(() => {
    if (step && node) panIntoView(rf, step.nodeId);
  }, [step, node, rf]);

  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => (current >= steps.length - 1 ? setPlaying(false) : next()), PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, current, steps.length, next, setPlaying]);

  const started = new Date(startedAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const stepName = node ? nodeSummary(node) || tc(`kinds.${node.type}.name`) : null;
  return (
    <>
      <style data-testid="replay-edges">{replayEdgesCss(steps, current, edges)}</style>
      <section className="fe-replay" aria-label={t('replay.title')} onKeyDown={(e) => e.key === 'Escape' && onLeave()}>
        <div className="fe-replay__head">
          <strong>{t('replay.title')}</strong>
          <span className="fe-replay__meta">{t('replay.meta', { id: sessionId.slice(0, 8), version, started })}</span>
          <button type="button" className="fe-replay__leave" onClick={onLeave}>
            <X size={14} aria-hidden /> {t('replay.leave')}
          </button>
        </div>
        {steps.length === 0 ? (
          <p className="fe-replay__step">{t('replay.noSteps')}</p>
        ) : (
          <div className="fe-replay__controls">
            <button type="button" onClick={previous} disabled={current === 0} aria-label={t('replay.previous')} title={t('replay.previous')}>
              <ChevronLeft size={16} aria-hidden />
            </button>
            <button type="button" onClick={() => setPlaying(!playing)} aria-label={playing ? t('replay.pause') : t('replay.play')} title={playing ? t('replay.pause') : t('replay.play')}>
              {playing ? <Pause size={16} aria-hidden /> : <Play size={16} aria-hidden />}
            </button>
            <button type="button" onClick={next} disabled={current >= steps.length - 1} aria-label={t('replay.next')} title={t('replay.next')}>
              <ChevronRight size={16} aria-hidden />
            </button>
            <input
              type="range"
              min={1}
              max={steps.length}
              value={current + 1}
              onChange={(e) => go(Number(e.target.value) - 1)}
              aria-label={t('replay.scrub')}
              className="fe-replay__scrub"
            />
          </div>
        )}
        {steps.length > 0 && (
          <p className="fe-replay__step" role="status" aria-live="polite">
            {t('replay.stepOf', { step: current + 1, count: steps.length })}{' '}
            {stepName !== null ? <strong>{stepName}</strong> : <em>{t('replay.stepGone', { id: step!.nodeId })}</em>}
          </p>
        )}
        {missing.length > 0 && (
          <p className="fe-replay__missing">
            {t('replay.missing', { count: missing.length })}{' '}
            {missing.map((i) => t('replay.missingStep', { step: i + 1, id: steps[i]!.nodeId })).join(', ')}
          </p>
        )}
      </section>
    </>
  );
}
