import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeKind } from '@switchboard/runtime';
import { KINDS } from '../kinds';
import { ProblemBadge } from './ProblemBadge';
import { countRender } from './renderCounter';
import { NODE_WIDTH } from './nodeSize';
import { useNodeMarks } from '../preview/useNodeMarks';
import { useEditorStore } from '../store';
import { Target } from 'lucide-react';
import { TrafficBadge } from '../analytics/TrafficBadge';
import { useReplayMark } from '../replay/useReplayMark';
import { ReplayBadge } from '../replay/ReplayBadge';

/** Outputs taken when something went wrong or nobody answered: drawn muted so the happy path stands out. */
const MUTED_HANDLES = new Set(['invalid', 'noMatch', 'else', 'offline', 'fallback', 'error']);

interface NodeFrameProps {
  id: string;
  kind: NodeKind;
  selected: boolean;
  /** The start node has no way in. */
  hasInput?: boolean;
  /** A single unlabelled output on the right edge (`next`). */
  output?: string;
  children?: ReactNode;
  /** Labelled outputs, each its own row with a handle. */
  outputs?: ReactNode;
}

export function NodeFrame({ id, kind, selected, hasInput = true, output, children, outputs }: NodeFrameProps) {
  countRender();
  const { t } = useTranslation('canvas');
  const info = KINDS[kind];
  const Icon = info.icon;
  const marks = useNodeMarks(id);
  const replay = useReplayMark(id);
  // A string or undefined: the card re-renders only when its own goal label changes.
  const goal = useEditorStore((s) => s.nodeById.get(id)?.data.goal?.label);
  return (
    <div
      className={`sbn${selected ? ' sbn--selected' : ''}${marks}${replay ? (replay.current ? ' sbn--replay-current' : ' sbn--replay-passed') : ''}`}
      style={{ '--sbn-accent': info.color, width: NODE_WIDTH } as React.CSSProperties}
      data-kind={kind}
    >
      <ReplayBadge mark={replay} />
      {hasInput && <Handle type="target" position={Position.Left} className="sbn-handle sbn-handle--in" />}
      <div className="sbn-head">
        <span className="sbn-icon" aria-hidden>
          <Icon size={14} />
        </span>
        <span className="sbn-kind">{t(`kinds.${kind}.name`)}</span>
        <ProblemBadge nodeId={id} />
      </div>
      {goal !== undefined && (
        <div className="sbn-goal" title={t('goal', { label: goal })}>
          <Target size={12} aria-hidden />
          <span className="sbn-goal-label">{t('goal', { label: goal })}</span>
        </div>
      )}
      <TrafficBadge nodeId={id} goal={goal !== undefined} />
      {children !== undefined && <div className="sbn-body">{children}</div>}
      {outputs !== undefined && <div className="sbn-outputs">{outputs}</div>}
      {output !== undefined && (
        <Handle type="source" position={Position.Right} id={output} className="sbn-handle sbn-handle--out" />
      )}
    </div>
  );
}

export function OutputRow({ handle, label, placeholder }: { handle: string; label: ReactNode; placeholder?: boolean }) {
  const muted = MUTED_HANDLES.has(handle);
  return (
    <div className={`sbn-output${muted ? ' sbn-output--muted' : ''}${placeholder ? ' sbn-output--placeholder' : ''}`}>
      <span className="sbn-output-label">{label}</span>
      <Handle
        type="source"
        position={Position.Right}
        id={handle}
        className={`sbn-handle sbn-handle--out${muted ? ' sbn-handle--muted' : ''}`}
      />
    </div>
  );
}

/** Shown where a node's text is still empty, so a fresh card says what to do next. */
export function Placeholder({ children }: { children: ReactNode }) {
  return <span className="sbn-placeholder">{children}</span>;
}
