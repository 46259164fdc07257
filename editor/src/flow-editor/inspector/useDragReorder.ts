import { useState, type DragEvent } from 'react';

/**
 * HTML5 drag-and-drop reordering for a short vertical list. Up/down buttons do the same for
 * keyboard users; this only adds the mouse gesture people expect from Typebot-like editors.
 */
export function useDragReorder(onMove: (from: number, to: number) => void) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);

  function itemProps(index: number) {
    return {
      onDragOver: (e: DragEvent) => {
        if (dragging === null) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        if (over !== index) setOver(index);
      },
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        if (dragging !== null && dragging !== index) onMove(dragging, index);
        setDragging(null);
        setOver(null);
      },
      'data-drop-target': over === index && dragging !== index ? 'true' : undefined,
      'data-dragging': dragging === index ? 'true' : undefined,
    };
  }

  function handleProps(index: number) {
    return {
      draggable: true,
      onDragStart: (e: DragEvent) => {
        e.dataTransfer.effectAllowed = 'move';
        // Firefox starts a drag only when some data is set.
        e.dataTransfer.setData('text/plain', String(index));
        setDragging(index);
      },
      onDragEnd: () => {
        setDragging(null);
        setOver(null);
      },
    };
  }

  return { itemProps, handleProps };
}
