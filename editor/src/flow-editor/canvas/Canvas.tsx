import {
  Background,
  BackgroundVariant,
  ControlButton,
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
import { Maximize } from 'lucide-react';
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
import { setPastePointSource } from './pastePoint';
import './canvas.css';

const SNAP: [number, number] = [20, 20];
/** Above this, off-screen nodes are not rendered at all. */
const VIRTUALIZE_FROM = 200;
/** Below this zoom a card's text is too small to read; fitting never goes further out. */
export const READABLE_ZOOM = 0.75;
/** Flows that do not fit readably open at full size on their start, with the minimap to find the rest. */
const OPEN_ZOOM = 1;
const defaultEdgeOptions: DefaultEdgeOptions = {
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#94a3b8' },
};
/** The bottom margin keeps fitted cards clear of the minimap and the zoom buttons in the corners. */
const fitViewOptions = {
  padding: { top: '32px', left: '32px', right: '32px', bottom: '140px' } as const,
  maxZoom: 1,
  minZoom: READABLE_ZOOM,
};
const FIT_MARGIN = { x: 64, y: 172 };
/** Height a card is assumed to have before it is measured. */
const CARD_HEIGHT_GUESS = 120;
const proOptions = { hideAttribution: true };
/** Small enough to sit inside the bottom margin that fitting leaves free. */
const minimapStyle = { width: 168, height: 108 };
const minimapColor = (n: Node) => KINDS[n.type as NodeKind]?.color ?? '#94a3b8';
const isKind = (k: string): k is NodeKind => (NODE_KINDS as string[]).includes(k);

// Store actions are stable functions; reading them once avoids subscribing the canvas to them.
const { onNodesChange, onEdgesChange, requestFitView } = useEditorStore.getState();
const onConnect = (c: Connection) => useEditorStore.getState().connect(c.source, c.sourceHandle ?? null, c.target);
const isValidConnection = (c: Connection | Edge) => validConnection(c, useEditorStore.getState().nodeById);

/** The zoom at which every card would fit in `box`, from positions and (guessed) sizes. */
function fitZoom(nodes: readonly EditorNode[], box: { width: number; height: number }): number {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.position.x);
    minY = Math.min(minY, n.position.y);
    maxX = Math.max(maxX, n.position.x + (n.measured?.width ?? NODE_WIDTH));
    maxY = Math.max(maxY, n.position.y + (n.measured?.height ?? CARD_HEIGHT_GUESS));
  }
  return Math.min((box.width - FIT_MARGIN.x) / (maxX - minX), (box.height - FIT_MARGIN.y) / (maxY - minY));
}

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
  /**
   * Opening and "fit to screen": the whole flow when it fits at a readable zoom; otherwise full
   * size on the start, a little in from the left so that what follows it is on screen, with the
   * minimap to show where the rest lies. Never a zoom at which the cards cannot be read.
   */
  const showFlow = useCallback(
    (instance: Pick<ReactFlowInstance<EditorNode, EditorEdge>, 'fitView' | 'setCenter'>, duration?: number) => {
      const nodes = useEditorStore.getState().nodes;
      const box = wrapper.current?.getBoundingClientRect();
      if (nodes.length === 0 || !box) return;
      if (!large && fitZoom(nodes, box) >= READABLE_ZOOM) {
        void instance.fitView(duration === undefined ? fitViewOptions : { ...fitViewOptions, duration });
        return;
      }
      const start = nodes.find((n) => n.type === 'start') ?? nodes[0]!;
      const x = start.position.x - 48 + box.width / 2 / OPEN_ZOOM;
      const y = start.position.y + CARD_HEIGHT_GUESS / 2;
      void instance.setCenter(x, y, duration === undefined ? { zoom: OPEN_ZOOM } : { zoom: OPEN_ZOOM, duration });
    },
    [large],
  );
  const onInit = useCallback((instance: ReactFlowInstance<EditorNode, EditorEdge>) => showFlow(instance), [showFlow]);

  useEffect(() => {
    if (!viewRequest) return;
    if (viewRequest.kind === 'fit') {
      showFlow(rf, 200);
      return;
    }
    const node = rf.getInternalNode(viewRequest.nodeId);
    if (!node) return;
    // Off-screen cards of a large flow are not measured yet; their guessed size is close enough.
    const w = node.measured.width ?? node.initialWidth ?? NODE_WIDTH;
    const h = node.measured.height ?? node.initialHeight ?? 80;
    const p = node.internals.positionAbsolute;
    void rf.setCenter(p.x + w / 2, p.y + h / 2, { zoom: Math.max(rf.getZoom(), 0.9), duration: 250 });
  }, [viewRequest, rf, showFlow]);

  // The last pointer position over the canvas, for pasting where the user is looking.
  const pointer = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => {
    setPastePointSource(() => {
      if (!pointer.current) return null;
      const p = rf.screenToFlowPosition(pointer.current);
      return { x: Math.round((p.x - 20) / SNAP[0]) * SNAP[0], y: Math.round((p.y - 16) / SNAP[1]) * SNAP[1] };
    });
    return () => setPastePointSource(null);
  }, [rf]);

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
    <div
      ref={wrapper}
      className={`sb-canvas${selectMode ? ' sb-canvas--select' : ''}`}
      aria-label={t('canvasLabel')}
      onPointerMove={(e) => (pointer.current = { x: e.clientX, y: e.clientY })}
      onPointerLeave={() => (pointer.current = null)}
    >
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
        fitViewOptions={fitViewOptions}
        onInit={onInit}
        proOptions={proOptions}
        ariaLabelConfig={ariaLabels}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.5} color="#cbd5e1" />
        {showMiniMap && <MiniMap pannable zoomable style={minimapStyle} nodeColor={minimapColor} nodeStrokeWidth={0} maskColor="rgb(241 245 249 / 0.7)" />}
        <Controls showInteractive={false} showFitView={false}>
          <ControlButton className="react-flow__controls-fitview" title={t('actions.fitView')} aria-label={t('actions.fitView')} onClick={requestFitView}>
            <Maximize size={12} aria-hidden />
          </ControlButton>
        </Controls>
      </ReactFlow>
      <QuickAddMenu />
      <FindBox />
    </div>
  );
}
