import { useTranslation } from 'react-i18next';
import { StickyNote } from 'lucide-react';
import type { InboxMessage } from '../../api';
import { cx } from '../../ui';

const KNOWN_EVENTS = new Set(['agentJoined', 'returnedToBot', 'conversationClosed', 'sessionExpired', 'handoffRequested', 'flowRemoved']);

/** Links are shown only when they are web, mail or phone links; anything else stays text. */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * One transcript line. Every piece of message content is a React text node: markup a
 * customer or agent typed is shown, never interpreted.
 */
export function MessageItem({ message }: { message: InboxMessage }) {
  const { t, i18n } = useTranslation('inbox');
  const time = new Date(message.at).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  if (message.kind === 'event') {
    const code = message.text ?? '';
    const text = KNOWN_EVENTS.has(code) ? t(`events.${code}`, { name: message.agentName ?? t('anAgent') }) : code;
    return (
      <li className="sb-msg sb-msg--event">
        <span>{text}</span> <time dateTime={message.at}>{time}</time>
      </li>
    );
  }
  const author =
    message.from === 'customer'
      ? t('from.customer')
      : message.from === 'bot'
        ? t('from.bot')
        : message.from === 'agent'
          ? (message.agentName ?? t('anAgent'))
          : t('from.system');
  const note = message.kind === 'note';
  return (
    <li className={cx('sb-msg', `sb-msg--${message.from}`, note && 'sb-msg--note')} data-kind={message.kind}>
      <div className="sb-msg__meta">
        {note && <StickyNote size={13} aria-hidden />}
        <span className="sb-msg__author">{note ? t('noteBy', { name: author }) : author}</span>
        <time dateTime={message.at}>{time}</time>
      </div>
      <div className="sb-msg__body">
        {message.kind === 'image' && message.url ? (
          safeHref(message.url) ? (
            <img src={safeHref(message.url)!} alt={message.alt ?? ''} className="sb-msg__image" />
          ) : (
            <span>{message.alt ?? message.url}</span>
          )
        ) : null}
        {message.text !== undefined && <p className="sb-msg__text">{message.text}</p>}
        {message.kind === 'links' && (
          <ul className="sb-msg__links">
            {(message.links ?? []).map((link, i) => {
              const href = safeHref(link.url);
              return (
                <li key={i}>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {link.label}
                    </a>
                  ) : (
                    <span>{link.label}</span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </li>
  );
}
