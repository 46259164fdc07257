import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeKind } from '@switchboard/runtime';
import { NODE_KIND_MIME } from '../canvas/dragMime';
import { KINDS, PALETTE_KINDS } from '../kinds';
import { NODE_WIDTH } from '../nodes/nodeSize';
import { useEditorStore } from '../store';
import './palette.css';

const GRID = 20;
const snap = (v: number) => Math.round(v / GRID) * GRID;

function onDragStart(e: DragEvent, kind: NodeKind) {
  e.dataTransfer.setData(NODE_KIND_MIME, kind);
  e.dataTransfer.effectAllowed = 'copy';
}

/** Node kinds to drag onto the canvas, or click to add at the centre of the view. */
export function Palette() {
  const { t } = useTranslation('canvas');
  const rf = useReactFlow();

  const addAtCentre = (kind: NodeKind) => {
    const pane = document.querySelector('.sb-canvas .react-flow');
    const box = pane?.getBoundingClientRect();
    const centre = box
      ? rf.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
      : { x: 0, y: 0 };
    // Each click lands a little lower so repeated clicks do not stack cards exactly on top of each other.
    const taken = (x: number, y: number) =>
      useEditorStore.getState().nodes.some((n) => Math.abs(n.position.x - x) < 10 && Math.abs(n.position.y - y) < 10);
    let x = snap(centre.x - NODE_WIDTH / 2);
    let y = snap(centre.y - 40);
    while (taken(x, y)) {
      x += GRID * 2;
      y += GRID * 2;
    }
    useEditorStore.getState().addNode(kind, { x, y });
  };

  return (
    <nav className="sb-palette" aria-label={t('palette.label')}>
      <h2 className="sb-palette__title">{t('palette.title')}</h2>
      <p className="sb-palette__hint">{t('palette.hint')}</p>
      <ul className="sb-palette__list">
        {PALETTE_KINDS.map((kind) => {
          const Icon = KINDS[kind].icon;
          return (
            <li key={kind}>
              <button
                type="button"
                className="sb-palette__item"
                draggable
                data-kind={kind}
                onDragStart={(e) => onDragStart(e, kind)}
                onClick={() => addAtCentre(kind)}
                aria-describedby={`sb-palette-desc-${kind}`}
              >
                <span className="sb-palette__icon" style={{ color: KINDS[kind].color }} aria-hidden>
                  <Icon size={16} />
                </span>
                <span className="sb-palette__text">
                  <span className="sb-palette__name">{t(`kinds.${kind}.name`)}</span>
                  <span className="sb-palette__desc" id={`sb-palette-desc-${kind}`}>
                    {t(`kinds.${kind}.description`)}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
