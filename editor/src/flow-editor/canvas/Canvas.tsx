import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type DefaultEdgeOptions,
  type Edge,
  type FinalConnectionState,
  type Node,
  type ReactFlowInstance,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_KINDS, type NodeKind } from '@switchboard/runtime';
import { useEditorStore } from '../store';
import type { EditorEdge, EditorNode } from '../store/types';
import { nodeTypes } from '../kinds/views';
import { KINDS } from '../kinds';
import { NODE_WIDTH } from '../nodes/nodeSize';
import '../nodes/nodes.css';
import { NODE_KIND_MIME } from './dragMime';
import { isValidConnection as validConnection } from './isValidConnection';
import { QuickAddMenu } from './QuickAddMenu';
import { FindBox } from './FindBox';
import { useAriaLabels } from './useAriaLabels';
import { useAfterIdle } from './useAfterIdle';
import './canvas.css';

const SNAP: [number, number] = [20, 20];
/** Above this, off-screen nodes are not rendered at all. */
const VIRTUALIZE_FROM = 200;
/** Large flows open readable, at their start, instead of fitted. */
const LARGE_FLOW_ZOOM = 0.8;
const defaultEdgeOptions: DefaultEdgeOptions = {
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#94a3b8' },
};
const fitViewOptions = { padding: 0.15, maxZoom: 1 };
const proOptions = { hideAttribution: true };
const minimapColor = (n: Node) => KINDS[n.type as NodeKind]?.color ?? '#94a3b8';
const isKind = (k: string): k is NodeKind => (NODE_KINDS as string[]).includes(k);

// Store actions are stable functions; reading them once avoids subscribing the canvas to them.
const { onNodesChange, onEdgesChange } = useEditorStore.getState();
const onConnect = (c: Connection) => useEditorStore.getState().connect(c.source, c.sourceHandle ?? null, c.target);
const isValidConnection = (c: Connection | Edge) => validConnection(c, useEditorStore.getState().nodeById);

export function Canvas() {
  const { t } = useTranslation('canvas');
  // The one component allowed to subscribe to the whole node and edge arrays.
  const nodes = useEditorStore((s) => s.nodes);
  const edges = useEditorStore((s) => s.edges);
  const selectMode = useEditorStore((s) => s.selectMode);
  const viewRequest = useEditorStore((s) => s.viewRequest);
  const rf = useReactFlow<EditorNode, EditorEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const ariaLabels = useAriaLabels();
  // Decided once per mount: fitting a large flow would zoom out until every card is on screen,
  // which both makes them unreadable and defeats rendering only the visible ones.
  const [large] = useState(() => useEditorStore.getState().nodes.length > VIRTUALIZE_FROM);
  // The minimap draws every node, so on a large flow it waits until the visible cards are up.
  const showMiniMap = useAfterIdle(!large);
  const onInit = useCallback(
    (instance: ReactFlowInstance<EditorNode, EditorEdge>) => {
      if (!large) return;
      const nodes = useEditorStore.getState().nodes;
      const start = nodes.find((n) => n.type === 'start') ?? nodes[0];
      if (start) void instance.setCenter(start.position.x + NODE_WIDTH, start.position.y + 60, { zoom: LARGE_FLOW_ZOOM });
    },
    [large],
  );

  useEffect(() => {
    if (!viewRequest) return;
    if (viewRequest.kind === 'fit') {
      void rf.fitView({ ...fitViewOptions, duration: 200 });
      return;
    }
    const node = rf.getInternalNode(viewRequest.nodeId);
    if (!node) return;
    // Off-screen cards of a large flow are not measured yet; their guessed size is close enough.
    const w = node.measured.width ?? node.initialWidth ?? NODE_WIDTH;
    const h = node.measured.height ?? node.initialHeight ?? 80;
    const p = node.internals.positionAbsolute;
    void rf.setCenter(p.x + w / 2, p.y + h / 2, { zoom: Math.max(rf.getZoom(), 0.9), duration: 250 });
  }, [viewRequest, rf]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(NODE_KIND_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(NODE_KIND_MIME);
      if (!isKind(kind)) return;
      e.preventDefault();
      const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      // The pointer holds the card by its header, a little in from the left edge.
      const position = { x: Math.round((p.x - 20) / SNAP[0]) * SNAP[0], y: Math.round((p.y - 16) / SNAP[1]) * SNAP[1] };
      useEditorStore.getState().addNode(kind, position);
    },
    [rf],
  );

  const onConnectEnd = useCallback(
    (e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || state.fromHandle?.type !== 'source') return;
      const target = e.target as Element | null;
      if (!target?.classList.contains('react-flow__pane')) return;
      const point = 'changedTouches' in e ? e.changedTouches[0] : e;
      const box = wrapper.current?.getBoundingClientRect();
      if (!point || !box) return;
      const flow = rf.screenToFlowPosition({ x: point.clientX, y: point.clientY });
      useEditorStore.getState().setQuickAdd({
        screen: { x: point.clientX - box.left, y: point.clientY - box.top },
        position: { x: flow.x, y: flow.y - 20 },
        from: { nodeId: state.fromNode.id, handle: state.fromHandle.id ?? 'next' },
      });
    },
    [rf],
  );

  return (
    <div ref={wrapper} className={`sb-canvas${selectMode ? ' sb-canvas--select' : ''}`} aria-label={t('canvasLabel')}>
      <ReactFlow<EditorNode, EditorEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onDragOver={onDragOver}
        onDrop={onDrop}
        defaultEdgeOptions={defaultEdgeOptions}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionOnDrag={selectMode}
        panOnDrag={selectMode ? [1, 2] : true}
        snapToGrid
        snapGrid={SNAP}
        onlyRenderVisibleElements={nodes.length > VIRTUALIZE_FROM}
        minZoom={0.1}
        maxZoom={2}
        fitView={!large}
        fitViewOptions={fitViewOptions}
        onInit={onInit}
        proOptions={proOptions}
        ariaLabelConfig={ariaLabels}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.5} color="#cbd5e1" />
        {showMiniMap && <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} maskColor="rgb(241 245 249 / 0.7)" />}
        <Controls showInteractive={false} fitViewOptions={fitViewOptions} />
      </ReactFlow>
      <QuickAddMenu />
      <FindBox />
    </div>
  );
}
