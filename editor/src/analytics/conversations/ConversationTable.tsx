import { useTranslation } from 'react-i18next';
import type { AnalyticsConversation } from '../../api';

interface Props {
  rows: readonly AnalyticsConversation[];
  openId: string | null;
  onOpen: (sessionId: string) => void;
}

/** One row per conversation, newest first; the start time opens it. */
export function ConversationTable({ rows, openId, onOpen }: Props) {
  const { t, i18n } = useTranslation('conversationList');
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <table className="sba-table sba-conv-table">
      <thead>
        <tr>
          <th scope="col">{t('columns.started')}</th>
          <th scope="col">{t('columns.version')}</th>
          <th scope="col">{t('columns.outcome')}</th>
          <th scope="col">{t('columns.goals')}</th>
          <th scope="col">{t('columns.csat')}</th>
          <th scope="col">{t('columns.unrecognized')}</th>
          <th scope="col">{t('columns.queue')}</th>
          <th scope="col">{t('columns.messages')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.sessionId} className={c.sessionId === openId ? 'sba-conv-row sba-conv-row--open' : 'sba-conv-row'} data-session={c.sessionId}>
            <td>
              <button type="button" className="sba-conv-open" aria-label={t('open', { time: when(c.startedAt) })} aria-pressed={c.sessionId === openId} onClick={() => onOpen(c.sessionId)}>
                {when(c.startedAt)}
              </button>
            </td>
            <td>{t('versionShort', { version: c.version })}</td>
            <td>
              <span className={`sba-outcome sba-outcome--${c.outcome}`}>{t(`outcomes.${c.outcome}`)}</span>
              {c.offline && <span className="sba-conv-offline"> {t('offline')}</span>}
            </td>
            <td>{c.goals.length === 0 ? t('none') : c.goals.map((g) => g.label).join(', ')}</td>
            <td className={c.csat.some((r) => r <= 2) ? 'sba-conv-low' : undefined}>{c.csat.length === 0 ? t('none') : c.csat.map((r) => `${r}★`).join(' ')}</td>
            <td>{c.unrecognized === 0 ? t('none') : c.unrecognized.toLocaleString(i18n.language)}</td>
            <td>{c.queue ?? t('none')}</td>
            <td>{c.messages.toLocaleString(i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
