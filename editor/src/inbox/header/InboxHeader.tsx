import { useTranslation } from 'react-i18next';
import { Bell, WifiOff } from 'lucide-react';
import { Button } from '../../ui';
import type { ChannelState } from '../live/inboxChannel';
import { AvailabilitySwitch } from './AvailabilitySwitch';

interface InboxHeaderProps {
  socketState: ChannelState;
  /** The browser's notification permission: the button shows while it has not been asked. */
  permission: NotificationPermission;
  onEnableAlerts: () => void;
  onAvailabilityError: (message: string) => void;
}

/** The inbox title, the reconnecting notice, the alerts switch-on and the agent's availability. */
export function InboxHeader({ socketState, permission, onEnableAlerts, onAvailabilityError }: InboxHeaderProps) {
  const { t } = useTranslation('inbox');
  return (
    <header className="sb-inbox-page__header">
      <h1>{t('title')}</h1>
      {socketState === 'reconnecting' && (
        <span className="sb-inbox-offline" role="status">
          <WifiOff size={14} aria-hidden /> {t('reconnecting')}
        </span>
      )}
      <div className="sb-inbox-page__tools">
        {permission === 'default' && (
          <Button size="sm" icon={<Bell size={14} aria-hidden />} onClick={onEnableAlerts}>
            {t('enableAlerts')}
          </Button>
        )}
        <AvailabilitySwitch onError={onAvailabilityError} />
      </div>
    </header>
  );
}
