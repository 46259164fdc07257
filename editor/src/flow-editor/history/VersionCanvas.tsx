import { Background, BackgroundVariant, Controls, MarkerType, ReactFlow, ReactFlowProvider, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeTypes } from '../kinds/views';
import '../nodes/nodes.css';
import { usePreviewStore, type VersionView } from '../preview/previewStore';
import { diffCanvasElements } from './diffCanvasElements';
import './history.css';

const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#94a3b8' } };
const fitViewOptions = { padding: 0.15, maxZoom: 1 };
const proOptions = { hideAttribution: true };

/** A comparison opens on what changed; a single version opens fitted whole. */
function fitOptionsOf(view: VersionView) {
  if (view.kind !== 'diff' || view.marks.size === 0) return fitViewOptions;
  return { padding: 0.4, maxZoom: 1, nodes: [...view.marks.keys()].map((id) => ({ id })) };
}

const viewKey = (view: VersionView) => (view.kind === 'version' ? `v${view.number}` : `d${view.from}-${view.to}`);

function elementsOf(view: VersionView): { nodes: Node[]; edges: Edge[] } {
  if (view.kind === 'version') return { nodes: view.flow.nodes.map((n) => ({ ...n }) as Node), edges: view.flow.edges.map((e) => ({ ...e }) as Edge) };
  return diffCanvasElements(view.after, view.diff);
}

/**
 * A version (or a comparison) on the canvas, read-only: same node cards as the editor, nothing
 * can be moved, connected or deleted, and the draft in the editor store is never touched.
 */
export function VersionCanvas() {
  const { t } = useTranslation('preview');
  const view = usePreviewStore((s) => s.view);
  const selection = usePreviewStore((s) => s.viewSelection);
  const base = useMemo(() => (view ? elementsOf(view) : { nodes: [], edges: [] }), [view]);
  const nodes = useMemo(() => base.nodes.map((n) => (n.id === selection ? { ...n, selected: true } : n)), [base, selection]);
  if (!view) return null;
  return (
    <ReactFlowProvider key={viewKey(view)}>
      <div className="sb-canvas sb-canvas--readonly" aria-label={t('history.canvasLabel')} data-testid="version-canvas">
        <ReactFlow
          nodes={nodes}
          edges={base.edges}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable
          deleteKeyCode={null}
          onNodeClick={(_, node) => usePreviewStore.getState().setViewSelection(node.id)}
          onPaneClick={() => usePreviewStore.getState().setViewSelection(null)}
          defaultEdgeOptions={defaultEdgeOptions}
          fitView
          fitViewOptions={fitOptionsOf(view)}
          minZoom={0.1}
          maxZoom={2}
          proOptions={proOptions}
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.5} color="#cbd5e1" />
          <Controls showInteractive={false} fitViewOptions={fitViewOptions} />
        </ReactFlow>
      </div>
    </ReactFlowProvider>
  );
}
