import { useTranslation } from 'react-i18next';
import { useNodeTraffic } from './useNodeTraffic';

const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 100));

/** On a card while the overlay is on: conversations that entered, the share that stopped here, and a goal's rate. */
export function TrafficBadge({ nodeId, goal }: { nodeId: string; goal: boolean }) {
  const { t } = useTranslation('canvas');
  const traffic = useNodeTraffic(nodeId);
  if (!traffic) return null;
  return (
    <div className="sbn-traffic" data-testid="traffic-badge">
      <span>{t('overlay.entered', { count: traffic.entered })}</span>
      {traffic.droppedHere > 0 && <span className="sbn-traffic-drop">{t('overlay.dropped', { share: pct(traffic.droppedHere, traffic.entered) })}</span>}
      {goal && <span className="sbn-traffic-goal">{t('overlay.goalRate', { rate: pct(traffic.entered, traffic.started) })}</span>}
    </div>
  );
}
