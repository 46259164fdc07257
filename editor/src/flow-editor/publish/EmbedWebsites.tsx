import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { Alert, Button } from '../../ui';
import { AllowedOrigins } from '../panels/AllowedOrigins';
import { useEditorStore } from '../store';
import { saveDraftFirst } from './saveDraftFirst';
import { useLiveStore } from './liveStore';

type Republish = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; version: number } | { kind: 'failed'; message: string };

/**
 * Beside the embed code: the websites allowed to show the chat. Like every flow setting the list
 * reaches the live chat with a publish, so a change here offers to publish it at once.
 */
export function EmbedWebsites({ flowId }: { flowId: string }) {
  const { t } = useTranslation('preview');
  const origins = useEditorStore((s) => s.meta.settings.allowedOrigins);
  const published = useRef(origins);
  const [republish, setRepublish] = useState<Republish>({ kind: 'idle' });
  const changed = origins.join('\n') !== published.current.join('\n');

  function update(allowedOrigins: string[]) {
    const s = useEditorStore.getState();
    s.updateMeta({ settings: { ...s.meta.settings, allowedOrigins } });
    setRepublish({ kind: 'idle' });
  }

  async function publishChange() {
    setRepublish({ kind: 'busy' });
    try {
      if (!(await saveDraftFirst())) throw new Error(t('publish.saveFirst'));
      const result = await api.versions.publish(flowId, { note: t('publish.websitesNote') });
      if (!result.ok) throw new Error(t('publish.websitesRefused'));
      published.current = useEditorStore.getState().meta.settings.allowedOrigins;
      setRepublish({ kind: 'done', version: result.version.number });
      void useLiveStore.getState().refresh(flowId);
    } catch (e) {
      setRepublish({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <div className="pb-websites" data-testid="embed-websites">
      {published.current.length === 0 && !changed && <Alert tone="warning">{t('publish.noWebsites')}</Alert>}
      <AllowedOrigins value={origins} onChange={update} />
      {changed && republish.kind !== 'done' && (
        <Alert tone="warning">
          <span>{t('publish.websitesChanged')}</span>{' '}
          <Button size="sm" variant="primary" busy={republish.kind === 'busy'} onClick={() => void publishChange()}>
            {t('publish.publishWebsites')}
          </Button>
        </Alert>
      )}
      {republish.kind === 'done' && (
        <p role="status" className="ft-summary--pass">
          {t('publish.websitesPublished', { version: republish.version })}
        </p>
      )}
      {republish.kind === 'failed' && <Alert tone="error">{republish.message}</Alert>}
    </div>
  );
}
