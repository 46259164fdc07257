import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, X } from 'lucide-react';
import { api, isApiError, type AnalyticsConversation, type ConversationTranscript } from '../../api';
import { Link } from '../../app/router';
import { replayPath } from '../../flow-editor/replay/replayPaths';
import { Transcript } from '../../inbox/conversation/Transcript';
import '../../inbox/inbox.css';

type TranscriptLoad = { status: 'loading' } | { status: 'forbidden' } | { status: 'error'; message: string } | { status: 'ready'; transcript: ConversationTranscript };

interface Props {
  flowId: string;
  conversation: AnalyticsConversation;
  /** Transcripts follow the inbox history's rule: agents and admins. On this page, that is admins. */
  canReadTranscript: boolean;
  onClose: () => void;
}

/** One conversation opened from the list: what it did, its transcript when the role allows, and its path on the canvas. */
export function ConversationDetail({ flowId, conversation: c, canReadTranscript, onClose }: Props) {
  const { t, i18n } = useTranslation('conversationList');
  const [load, setLoad] = useState<TranscriptLoad>({ status: canReadTranscript ? 'loading' : 'forbidden' });

  useEffect(() => {
    if (!canReadTranscript) return setLoad({ status: 'forbidden' });
    let live = true;
    setLoad({ status: 'loading' });
    api.inbox.transcript(c.sessionId).then(
      (transcript) => live && setLoad({ status: 'ready', transcript }),
      (err: unknown) => {
        if (!live) return;
        if (isApiError(err) && err.status === 403) setLoad({ status: 'forbidden' });
        else setLoad({ status: 'error', message: isApiError(err) ? err.message : t('detail.transcriptFailed') });
      },
    );
    return () => {
      live = false;
    };
  }, [c.sessionId, canReadTranscript, t]);

  const started = new Date(c.startedAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="sba-conv-detail" aria-labelledby="sba-conv-detail-title">
      <header className="sba-conv-detail__head">
        <h3 id="sba-conv-detail-title">{t('detail.title', { started })}</h3>
        <button type="button" className="sba-conv-detail__close" onClick={onClose} aria-label={t('detail.close')} title={t('detail.close')}>
          <X size={16} aria-hidden />
        </button>
      </header>
      <p className="sba-note">
        {t('detail.summary', { id: c.sessionId, version: c.version, outcome: t(`outcomes.${c.outcome}`), count: c.messages })}
      </p>
      <Link to={replayPath(flowId, c.sessionId)} className="sba-conv-replay">
        <Route size={15} aria-hidden /> {t('detail.showPath')}
      </Link>
      <h4 className="sba-conv-detail__h">{t('detail.transcript')}</h4>
      {load.status === 'forbidden' && (
        <p className="sba-conv-forbidden" role="note">
          {t('detail.transcriptForbidden')}
        </p>
      )}
      {load.status === 'loading' && <p className="sba-note">{t('detail.transcriptLoading')}</p>}
      {load.status === 'error' && (
        <p role="alert" className="sba-error">
          {load.message}
        </p>
      )}
      {load.status === 'ready' && (
        <div className="sba-conv-transcript">
          <Transcript messages={load.transcript.messages} />
        </div>
      )}
    </section>
  );
}
