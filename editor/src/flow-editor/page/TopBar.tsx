import { Activity, ArrowLeft } from 'lucide-react';
import { IconButton } from '../../ui';
import { toggleOverlay, useOverlayStore } from '../analytics/overlayStore';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import * as A from '../actions/actions';
import type { ActionContext } from '../actions/types';
import { useEditorStore } from '../store';
import { SaveStatus } from '../save/SaveStatus';
import { ToolbarButton } from './ToolbarButton';
import { PublishToolbar } from '../publish/PublishToolbar';
import { usePreviewStore } from '../preview/previewStore';

export function TopBar({ ctx }: { ctx: ActionContext }) {
  const { t } = useTranslation('canvas');
  const name = useEditorStore((s) => s.meta.name);
  const flowId = useEditorStore((s) => s.meta.id);
  const overlayOn = useOverlayStore((s) => s.state.status !== 'off');
  const selectMode = useEditorStore((s) => s.selectMode);
  const readOnly = usePreviewStore((s) => s.view !== null);
  return (
    <div className="fe-top">
      <Link to="/" className="fe-back" aria-label={t('page.back')} title={t('page.back')}>
        <ArrowLeft size={16} aria-hidden />
      </Link>
      <h1 className="fe-name" title={name}>
        {name}
      </h1>
      <div className="fe-save">
        <SaveStatus />
      </div>
      <div className="fe-tools" role="toolbar" aria-label={t('page.toolbar')} hidden={readOnly}>
        <ToolbarButton action={A.undo} ctx={ctx} />
        <ToolbarButton action={A.redo} ctx={ctx} />
        <span className="fe-sep" aria-hidden />
        <ToolbarButton action={A.cut} ctx={ctx} />
        <ToolbarButton action={A.copy} ctx={ctx} />
        <ToolbarButton action={A.paste} ctx={ctx} />
        <ToolbarButton action={A.duplicate} ctx={ctx} />
        <ToolbarButton action={A.deleteSelection} ctx={ctx} />
        <span className="fe-sep" aria-hidden />
        <ToolbarButton action={A.toggleSelectMode} ctx={ctx} pressed={selectMode} />
        <ToolbarButton action={A.layout} ctx={ctx} />
        <ToolbarButton action={A.fitView} ctx={ctx} />
        <ToolbarButton action={A.find} ctx={ctx} />
        <IconButton
          aria-pressed={overlayOn}
          aria-label={t('overlay.toggle')}
          title={t('overlay.toggle')}
          icon={<Activity size={16} aria-hidden />}
          onClick={() => void toggleOverlay(flowId, () => useEditorStore.getState())}
        />
      </div>
      <PublishToolbar />
    </div>
  );
}
