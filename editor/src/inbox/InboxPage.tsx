import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bell, Inbox as InboxIcon, WifiOff } from 'lucide-react';
import { api, type CannedReply, type InboxItem } from '../api';
import { useAuth } from '../app/auth/AuthContext';
import { useNow } from '../dashboard/useNow';
import { Alert, Button, Tabs, useToast } from '../ui';
import { ConversationView, type ConversationActions } from './conversation/ConversationView';
import { useConversation } from './conversation/useConversation';
import { AvailabilitySwitch } from './header/AvailabilitySwitch';
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

  const actions = useMemo<ConversationActions | null>(() => {
    if (!selectedId) return null;
    const refresh = async () => {
      await Promise.all([conversation.reload(), queue.reload()]);
    };
    return {
      claim: async () => {
        await api.inbox.claim(selectedId);
        await refresh();
      },
      reply: async (text) => conversation.append(await api.inbox.reply(selectedId, text)),
      note: async (text) => conversation.append(await api.inbox.note(selectedId, text)),
      transfer: async (target) => {
        await api.inbox.transfer(selectedId, target);
        toast.show(t('transferred'), 'success');
        await refresh();
      },
      returnToBot: async () => {
        await api.inbox.returnToBot(selectedId);
        await refresh();
      },
      close: async () => {
        await api.inbox.close(selectedId);
        await refresh();
      },
      typing: (typing) => channel?.send({ type: 'typing', sessionId: selectedId, typing }),
    };
  }, [selectedId, conversation, queue, channel, toast, t]);

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
      <div className="sb-inbox__detail">
        {queue.failed && <Alert>{t('errors.queue')}</Alert>}
        {conversation.data && actions ? (
          <ConversationView
            data={conversation.data}
            me={user}
            customerTyping={conversation.customerTyping}
            cannedReplies={cannedReplies}
            actions={actions}
          />
        ) : conversation.missing ? (
          <Alert>{t('errors.notFound')}</Alert>
        ) : (
          <div className="sb-inbox__placeholder">
            <InboxIcon size={36} aria-hidden />
            <p>{t('pickConversation')}</p>
          </div>
        )}
      </div>
    </div>
  );

  return (
    <div className="sb-inbox-page">
      <header className="sb-inbox-page__header">
        <h1>{t('title')}</h1>
        {socketState === 'reconnecting' && (
          <span className="sb-inbox-offline" role="status">
            <WifiOff size={14} aria-hidden /> {t('reconnecting')}
          </span>
        )}
        <div className="sb-inbox-page__tools">
          {permission === 'default' && (
            <Button size="sm" icon={<Bell size={14} aria-hidden />} onClick={() => void enableAlerts()}>
              {t('enableAlerts')}
            </Button>
          )}
          <AvailabilitySwitch onError={(message) => toast.show(message, 'error')} />
        </div>
      </header>
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
