import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type CannedReply, type InboxItem } from '../api';
import { useAuth } from '../app/auth/AuthContext';
import { useNow } from '../dashboard/useNow';
import { Tabs, useToast } from '../ui';
import { ConversationPane } from './conversation/ConversationPane';
import { useConversation } from './conversation/useConversation';
import { useConversationActions } from './conversation/useConversationActions';
import { InboxHeader } from './header/InboxHeader';
import { HistoryTab } from './history/HistoryTab';
import { beep, desktopNotify, notificationsSupported, unlockAlerts } from './live/handoffAlert';
import { useInboxChannel } from './live/useInboxChannel';
import { customerLabel, shortId } from './queue/customerLabel';
import { QueueList } from './queue/QueueList';
import { useQueue } from './queue/useQueue';
import './inbox.css';

/** The agents' inbox: the live queue, one open conversation, and past conversations. */
export default function InboxPage() {
  const { t } = useTranslation('inbox');
  const { state } = useAuth();
  const user = state.status === 'authenticated' ? state.user : null;
  const toast = useToast();
  const [tab, setTab] = useState('queue');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [highlightMinutes, setHighlightMinutes] = useState(5);
  const [cannedReplies, setCannedReplies] = useState<CannedReply[]>([]);
  const [permission, setPermission] = useState(() => (notificationsSupported() ? Notification.permission : 'denied'));
  const [announcement, setAnnouncement] = useState('');
  const now = useNow(1000).getTime();
  const { channel, state: socketState } = useInboxChannel();

  useEffect(() => {
    api.inbox.settings().then(
      (s) => {
        setHighlightMinutes(s.inboxHighlightMinutes);
        setCannedReplies(s.cannedReplies);
      },
      () => undefined,
    );
  }, []);

  const onNewHandoff = useCallback(
    (item: InboxItem) => {
      const who = customerLabel(item.variables) ?? t('customerRef', { ref: shortId(item.sessionId) });
      const text = t('newHandoff', { who, queue: item.queue });
      beep();
      setAnnouncement(text);
      desktopNotify(t('newHandoffTitle'), text, item.sessionId, () => {
        setTab('queue');
        setSelectedId(item.sessionId);
      });
    },
    [t],
  );

  const queue = useQueue(channel, onNewHandoff);
  const conversation = useConversation(selectedId, channel);

  const actions = useConversationActions(selectedId, conversation, queue, channel);

  async function enableAlerts() {
    unlockAlerts();
    if (notificationsSupported() && Notification.permission === 'default') setPermission(await Notification.requestPermission());
  }

  if (!user) return null;

  const queuePanel = (
    <div className="sb-inbox" onPointerDown={unlockAlerts}>
      <QueueList
        waiting={queue.waiting}
        active={queue.active}
        now={now}
        highlightMinutes={highlightMinutes}
        selectedId={selectedId}
        myId={user.id}
        onSelect={setSelectedId}
      />
      <ConversationPane conversation={conversation} actions={actions} me={user} cannedReplies={cannedReplies} queueFailed={queue.failed} />
    </div>
  );

  return (
    <div className="sb-inbox-page">
      <InboxHeader
        socketState={socketState}
        permission={permission}
        onEnableAlerts={() => void enableAlerts()}
        onAvailabilityError={(message) => toast.show(message, 'error')}
      />
      <p className="sb-visually-hidden" aria-live="assertive">
        {announcement}
      </p>
      <Tabs
        aria-label={t('sections')}
        value={tab}
        onChange={setTab}
        tabs={[
          { id: 'queue', label: t('queueTab'), content: queuePanel },
          { id: 'history', label: t('history'), content: <HistoryTab /> },
        ]}
      />
    </div>
  );
}
