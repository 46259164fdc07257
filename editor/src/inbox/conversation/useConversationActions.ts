import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useToast } from '../../ui';
import type { InboxChannel } from '../live/inboxChannel';
import type { QueueState } from '../queue/useQueue';
import type { ConversationActions } from './ConversationView';
import type { useConversation } from './useConversation';

/** What an agent can do to the open conversation; each action refreshes what it changed. */
export function useConversationActions(
  selectedId: string | null,
  conversation: ReturnType<typeof useConversation>,
  queue: QueueState,
  channel: InboxChannel | null,
): ConversationActions | null {
  const { t } = useTranslation('inbox');
  const toast = useToast();
  return useMemo<ConversationActions | null>(() => {
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
}
