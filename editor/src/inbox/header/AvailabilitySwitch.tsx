import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type AgentStatus } from '../../api';
import { cx } from '../../ui';

/** Online: new handoffs wait for me. Away: with nobody online they take the flow's offline branch. */
export function AvailabilitySwitch({ onError }: { onError: (message: string) => void }) {
  const { t } = useTranslation('inbox');
  const [status, setStatus] = useState<AgentStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.inbox
      .availability()
      .then((s) => live && setStatus(s))
      .catch(() => live && setStatus('away'));
    return () => {
      live = false;
    };
  }, []);

  async function toggle() {
    const next: AgentStatus = status === 'online' ? 'away' : 'online';
    setBusy(true);
    try {
      setStatus(await api.inbox.setAvailability(next));
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
