import { useTranslation } from 'react-i18next';
import { Inbox as InboxIcon } from 'lucide-react';
import type { CannedReply } from '../../api';
import { Alert } from '../../ui';
import { ConversationView, type ConversationActions, type ConversationViewProps } from './ConversationView';
import type { useConversation } from './useConversation';

interface ConversationPaneProps {
  conversation: ReturnType<typeof useConversation>;
  actions: ConversationActions | null;
  me: ConversationViewProps['me'];
  cannedReplies: CannedReply[];
  queueFailed: boolean;
}

/** The right side of the queue tab: the open conversation, or why there is none. */
export function ConversationPane({ conversation, actions, me, cannedReplies, queueFailed }: ConversationPaneProps) {
  const { t } = useTranslation('inbox');
  return (
    <div className="sb-inbox__detail">
      {queueFailed && <Alert>{t('errors.queue')}</Alert>}
      {conversation.data && actions ? (
        <ConversationView data={conversation.data} me={me} customerTyping={conversation.customerTyping} cannedReplies={cannedReplies} actions={actions} />
      ) : conversation.missing ? (
        <Alert>{t('errors.notFound')}</Alert>
      ) : (
        <div className="sb-inbox__placeholder">
          <InboxIcon size={36} aria-hidden />
          <p>{t('pickConversation')}</p>
        </div>
      )}
    </div>
  );
}
