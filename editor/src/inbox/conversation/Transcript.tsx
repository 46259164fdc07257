import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxMessage } from '../../api';
import { MessageItem } from './MessageItem';

/** The whole conversation, newest at the bottom; new messages are announced politely. */
export function Transcript({ messages, typing = false }: { messages: InboxMessage[]; typing?: boolean }) {
  const { t } = useTranslation('inbox');
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [messages.length, typing]);
  return (
    <div className="sb-transcript">
      <ol className="sb-transcript__list" aria-label={t('transcript')} aria-live="polite" aria-relevant="additions">
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} />
        ))}
      </ol>
      {typing && (
        <p className="sb-transcript__typing" role="status">
          {t('customerTyping')}
        </p>
      )}
      <div ref={end} />
    </div>
  );
}
