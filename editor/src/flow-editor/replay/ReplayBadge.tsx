import { useTranslation } from 'react-i18next';
import type { useReplayMark } from './useReplayMark';

/** The step numbers at which the replayed conversation entered this card, on its top-left corner. */
export function ReplayBadge({ mark }: { mark: ReturnType<typeof useReplayMark> }) {
  const { t } = useTranslation('conversationList');
  if (!mark) return null;
  const label = mark.steps.join(', ');
  return (
    <span
      className={`sbn-replay-steps${mark.current ? ' sbn-replay-steps--current' : ''}`}
      data-testid="replay-steps"
      aria-label={t('replay.stepsOnCard', { count: mark.steps.length, steps: label })}
    >
      {label}
    </span>
  );
}
