import { History, MessageSquare, Rocket } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui';
import { useEditorStore } from '../store';
import { resetPreviewStore, usePreviewStore } from '../preview/previewStore';
import { useTestsStore } from '../flowtests/testsStore';
import { LiveStatusBadge } from './LiveStatusBadge';
import { PublishDialog } from './PublishDialog';
import { useLiveStore } from './liveStore';
import './publish.css';

/** The top bar's release controls: live status, preview, history and publish. */
export function PublishToolbar() {
  const { t } = useTranslation('preview');
  const flowId = useEditorStore((s) => s.flowId);
  const panel = usePreviewStore((s) => s.panel);
  const readOnly = usePreviewStore((s) => s.view !== null);
  const [publishing, setPublishing] = useState(false);

  useEffect(() => {
    if (!flowId) return;
    // Another flow: nothing of the previous one's preview, view or tests may linger.
    resetPreviewStore();
    void useTestsStore.getState().load(flowId);
    void useLiveStore.getState().refresh(flowId).catch(() => undefined);
  }, [flowId]);

  if (!flowId) return null;
  return (
    <div className="pb-toolbar">
      <LiveStatusBadge />
      <Button
        size="sm"
        variant={panel === 'preview' ? 'primary' : 'secondary'}
        aria-pressed={panel === 'preview'}
        icon={<MessageSquare size={14} aria-hidden />}
        disabled={readOnly}
        title={t('toolbar.preview')}
        onClick={() => usePreviewStore.getState().togglePanel('preview')}
      >
        <span className="pb-toolbar__label">{t('toolbar.preview')}</span>
      </Button>
      <Button
        size="sm"
        variant={panel === 'history' ? 'primary' : 'secondary'}
        aria-pressed={panel === 'history'}
        icon={<History size={14} aria-hidden />}
        title={t('toolbar.history')}
        onClick={() => usePreviewStore.getState().togglePanel('history')}
      >
        <span className="pb-toolbar__label">{t('toolbar.history')}</span>
      </Button>
      <Button size="sm" variant="primary" icon={<Rocket size={14} aria-hidden />} disabled={readOnly} onClick={() => setPublishing(true)}>
        {t('toolbar.publish')}
      </Button>
      {publishing && <PublishDialog flowId={flowId} onClose={() => setPublishing(false)} />}
    </div>
  );
}
