import { useTranslation } from 'react-i18next';
import { MousePointerClick, Trash2 } from 'lucide-react';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { useEditorStore } from '../store';
import { KINDS } from '../kinds';
import { NodeForm } from '../kinds/views';
import { NodeProblems } from './NodeProblems';
import { GoalField } from './GoalField';
import './inspector.css';

/** The side panel that edits whatever is selected on the canvas. */
export function Inspector() {
  const { t } = useTranslation('inspector');
  const count = useEditorStore((s) => s.selectedNodeIds.length);
  const singleId = useEditorStore((s) => (s.selectedNodeIds.length === 1 ? s.selectedNodeIds[0]! : null));

  if (count === 0) {
    return (
      <section className="sb-inspector sb-inspector--empty" aria-label={t('title')}>
        <MousePointerClick size={28} aria-hidden />
        <p>{t('emptyHint')}</p>
      </section>
    );
  }
  if (singleId === null) {
    return (
      <section className="sb-inspector sb-inspector--multi" aria-label={t('title')}>
        <p>{t('multiSelected', { count })}</p>
        <Button
          variant="danger"
          icon={<Trash2 size={16} aria-hidden />}
          onClick={() => {
            const s = useEditorStore.getState();
            s.deleteElements(s.selectedNodeIds, []);
          }}
        >
          {t('deleteSelected', { count })}
        </Button>
      </section>
    );
  }
  return <SingleNodeInspector nodeId={singleId} />;
}

function SingleNodeInspector({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation('inspector');
  const node = useEditorStore((s) => s.nodeById.get(nodeId));
  if (!node) return null;
  const { icon: Icon, color } = KINDS[node.type];
  return (
    <section className="sb-inspector" aria-labelledby={`insp-title-${nodeId}`}>
      <header className="sb-inspector__header">
        <span className="sb-kind-icon" style={{ '--sb-kind-accent': color } as React.CSSProperties} data-kind={node.type} aria-hidden>
          <Icon size={18} />
        </span>
        <div className="sb-inspector__heading">
          <h2 id={`insp-title-${nodeId}`}>{t(`kinds.${node.type}`)}</h2>
          <p className="sb-field__hint">{t(`kindHelp.${node.type}`)}</p>
        </div>
        {node.type !== 'start' && (
          <IconButton
            tone="danger"
            icon={<Trash2 size={16} />}
            aria-label={t('deleteNode')}
            onClick={() => useEditorStore.getState().deleteElements([nodeId], [])}
          />
        )}
      </header>
      <NodeProblems nodeId={nodeId} />
      {/* Keyed by node so local state (open popups, drafts) never leaks to the next node. */}
      <form key={nodeId} className="sb-inspector__form" onSubmit={(e) => e.preventDefault()}>
        <NodeForm node={node} />
        <GoalField node={node} />
      </form>
    </section>
  );
}
