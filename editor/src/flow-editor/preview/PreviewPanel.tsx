import { FlaskConical, Play, RotateCcw, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, IconButton } from '../../ui';
import { useEditorStore } from '../store';
import type { CustomerReply } from '../../widget/types';
import { AgentBox } from './AgentBox';
import { KnowledgeDebug } from './KnowledgeDebug';
import { PreviewErrorBoundary } from './PreviewErrorBoundary';
import { SaveTestDialog } from './SaveTestDialog';
import { VariablesWatch } from './VariablesWatch';
import { WidgetSurface } from './WidgetSurface';
import { labelsFor } from '../../widget/render/labels';
import { usePreviewChat } from './usePreviewChat';
import { usePreviewDocument } from './usePreviewDocument';
import { usePreviewStore } from './previewStore';
import './preview.css';

const DEFAULT_COLOR = '#2563eb';

function PreviewChat() {
  const { t } = useTranslation('preview');
  const flow = usePreviewDocument();
  const chat = usePreviewChat(flow, t('agent.name'));
  const selected = useEditorStore((s) => (s.selectedNodeIds.length === 1 ? s.selectedNodeIds[0]! : null));
  const [saving, setSaving] = useState(false);
  const c = chat.conversation;
  const reply = (r: CustomerReply) => chat.send('optionId' in r ? { type: 'option', optionId: r.optionId } : { type: 'text', text: r.text });
  const widget = flow.settings.widget;
  const hasHttpSteps = flow.nodes.some((n) => n.type === 'httpRequest');
  const hasKnowledgeSteps = flow.nodes.some((n) => n.type === 'knowledgeAnswer');
  const hasModelPicks = flow.nodes.some((n) => n.type === 'intent' && n.data.askModelWhenUnsure === true);
  return (
    <>
      <div className="pv-actions" role="toolbar" aria-label={t('panel.actions')}>
        <Button size="sm" icon={<RotateCcw size={14} aria-hidden />} onClick={() => chat.restart()}>
          {t('panel.restart')}
        </Button>
        <Button
          size="sm"
          icon={<Play size={14} aria-hidden />}
          disabled={selected === null}
          title={selected === null ? t('panel.fromSelectedHint') : undefined}
          onClick={() => selected !== null && chat.restart(selected)}
        >
          {t('panel.fromSelected')}
        </Button>
        <Button
          size="sm"
          icon={<FlaskConical size={14} aria-hidden />}
          disabled={!c || c.unreplayable !== null || flow.id === ''}
          title={c?.unreplayable ? t(`panel.unreplayable.${c.unreplayable}`) : undefined}
          onClick={() => setSaving(true)}
        >
          {t('panel.saveAsTest')}
        </Button>
      </div>
      {chat.error && <Alert tone="error">{t('panel.engineError', { message: chat.error })}</Alert>}
      {c?.unreplayable && <p className="pv-note">{t(`panel.unreplayable.${c.unreplayable}`)}</p>}
      {hasHttpSteps && (
        <p className="pv-note" role="note">
          {c?.pendingHttp ? t('panel.httpRunning') : t('panel.httpOnServer')}
        </p>
      )}
      {hasKnowledgeSteps && (
        <p className="pv-note" role="note">
          {c?.pendingKnowledge ? t('panel.knowledgeRunning') : t('panel.knowledgeOnServer')}
        </p>
      )}
      {hasModelPicks && (
        <p className="pv-note" role="note">
          {c?.pendingIntentPick ? t('panel.intentPickRunning') : t('panel.intentPickOnServer')}
        </p>
      )}
      {c && (
        <div className="pv-chat">
          <WidgetSurface
            messages={c.messages}
            input={c.input}
            status={c.session.status}
            locale={flow.locale}
            title={widget.title?.trim() || labelsFor(flow.locale).defaultTitle}
            color={widget.primaryColor ?? DEFAULT_COLOR}
            onReply={reply}
          />
        </div>
      )}
      {c?.session.status === 'handedOff' && (
        <AgentBox
          onSend={chat.answerAsAgent}
          onReturn={() => chat.send({ type: 'handoffReturned' })}
          onClose={() => chat.send({ type: 'close' })}
        />
      )}
      {c?.lastKnowledge && <KnowledgeDebug outcome={c.lastKnowledge} />}
      {c && <VariablesWatch definitions={flow.variables} values={c.session.variables} onChange={chat.setVariable} />}
      {saving && c && <SaveTestDialog flowId={flow.id} conversation={c} onClose={() => setSaving(false)} />}
    </>
  );
}

/** The chat panel beside the canvas: the draft, run by the production engine, as a customer sees it. */
export function PreviewPanel() {
  const { t } = useTranslation('preview');
  return (
    <aside className="pv-panel" aria-label={t('panel.title')} data-testid="preview-panel">
      <header className="pv-head">
        <h2 className="pv-title">{t('panel.title')}</h2>
        <IconButton aria-label={t('panel.close')} icon={<X size={16} aria-hidden />} onClick={() => usePreviewStore.getState().setPanel(null)} />
      </header>
      <PreviewErrorBoundary
        fallback={(error, reset) => (
          <div className="pv-body">
            <Alert tone="error">{t('panel.crashed', { message: error.message })}</Alert>
            <Button
              size="sm"
              onClick={() => {
                usePreviewStore.getState().setConversation(null);
                reset();
              }}
            >
              {t('panel.restart')}
            </Button>
          </div>
        )}
      >
        <div className="pv-body">
          <PreviewChat />
        </div>
      </PreviewErrorBoundary>
    </aside>
  );
}
