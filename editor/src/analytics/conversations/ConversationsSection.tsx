import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Download } from 'lucide-react';
import { api } from '../../api';
import { ConversationDetail } from './ConversationDetail';
import { ConversationTable } from './ConversationTable';
import { FilterBar } from './FilterBar';
import { NO_FILTER, toListFilters, type FilterChoice } from './listFilters';
import { useConversationList } from './useConversationList';
import './conversations.css';

interface Props {
  flowId: string;
  /** The page's date range and version filter. */
  range: { from: string; to: string };
  version: number | null;
  goals: readonly { nodeId: string; label: string }[];
  /** Transcripts follow the inbox history's rule (agents and admins): on this page, admins. */
  canReadTranscript: boolean;
}

/** The analytics page's list of conversations: filters, the list in pages, its CSV, and one opened beside it. */
export function ConversationsSection({ flowId, range, version, goals, canReadTranscript }: Props) {
  const { t, i18n } = useTranslation('conversationList');
  const [choice, setChoice] = useState<FilterChoice>(NO_FILTER);
  const [openId, setOpenId] = useState<string | null>(null);
  const filters = toListFilters(range, version, choice);
  const { load, loadMore } = useConversationList(flowId, filters, t('loadFailed'));
  const open = load.status === 'ready' ? load.rows.find((r) => r.sessionId === openId) : undefined;
  const scannedTo = load.status === 'ready' && load.scannedTo ? new Date(load.scannedTo).toLocaleDateString(i18n.language, { dateStyle: 'medium' }) : null;

  return (
    <section aria-labelledby="sba-conversations" className="sba-conv">
      <div className="sba-conv-top">
        <h2 id="sba-conversations" className="sba-h2" title={t('definition')}>
          {t('title')}
        </h2>
        <a className="sba-csv" href={api.conversationList.csvUrl(flowId, filters)} download>
          <Download size={14} aria-hidden /> {t('csv')}
        </a>
      </div>
      <p className="sba-note">{t('definition')}</p>
      <FilterBar value={choice} onChange={setChoice} goals={goals} />
      <div className={open ? 'sba-conv-body sba-conv-body--open' : 'sba-conv-body'}>
        <div className="sba-conv-list">
          {load.status === 'loading' && <p className="sba-note">{t('loading')}</p>}
          {load.status === 'error' && (
            <p role="alert" className="sba-error">
              {load.message}
            </p>
          )}
          {load.status === 'ready' && load.rows.length > 0 && <ConversationTable rows={load.rows} openId={openId} onOpen={setOpenId} />}
          {load.status === 'ready' && load.rows.length === 0 && <p className="sba-note">{scannedTo ? t('emptyScanned', { date: scannedTo }) : t('empty')}</p>}
          {load.status === 'ready' && load.nextCursor !== null && (
            <button type="button" className="sba-chip" onClick={loadMore} disabled={load.loadingMore}>
              {load.loadingMore ? t('loading') : load.rows.length === 0 ? t('searchOlder') : t('loadMore')}
            </button>
          )}
        </div>
        {open && (
          <ConversationDetail
            key={open.sessionId}
            flowId={flowId}
            conversation={open}
            canReadTranscript={canReadTranscript}
            onClose={() => setOpenId(null)}
          />
        )}
      </div>
    </section>
  );
}
