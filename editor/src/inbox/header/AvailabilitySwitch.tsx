import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type AgentStatus } from '../../api';
import { cx } from '../../ui';
import { choseAway, rememberAwayChoice } from './awayChoice';

/**
 * Online: new handoffs wait for me. Away: with nobody online they take the flow's offline branch.
 * Opening the inbox makes an agent online (an agent at the inbox is there to answer), unless they
 * switched to away in this tab; otherwise the first customers of a shift would get the offline branch.
 */
export function AvailabilitySwitch({ onError }: { onError: (message: string) => void }) {
  const { t } = useTranslation('inbox');
  const [status, setStatus] = useState<AgentStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    const load = choseAway() ? api.inbox.availability() : api.inbox.setAvailability('online');
    load.then((s) => live && setStatus(s)).catch(() => live && setStatus('away'));
    return () => {
      live = false;
    };
  }, []);

  async function toggle() {
    const next: AgentStatus = status === 'online' ? 'away' : 'online';
    setBusy(true);
    try {
      setStatus(await api.inbox.setAvailability(next));
      rememberAwayChoice(next === 'away');
    } catch {
      onError(t('errors.availability'));
    } finally {
      setBusy(false);
    }
  }

  const online = status === 'online';
  return (
    <button
      type="button"
      role="switch"
      aria-checked={online}
      aria-label={t('availability')}
      className={cx('sb-availability', online ? 'is-online' : 'is-away')}
      disabled={status === null || busy}
      onClick={() => void toggle()}
    >
      <span className="sb-availability__dot" aria-hidden />
      {online ? t('status.online') : t('status.away')}
    </button>
  );
}
