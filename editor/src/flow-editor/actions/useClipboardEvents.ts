import { useEffect } from 'react';
import { parseClipboard, serializeClipboard } from '../model/clipboardPayload';
import { isTypingTarget } from './keys';
import type { EditorStoreApi } from './types';
import { pastePoint } from '../canvas/pastePoint';
import type { XY } from '../store/types';

const MIME = 'text/plain';

/** Whether a clipboard event is meant for the canvas rather than for text on the page. */
function forCanvas(e: ClipboardEvent): boolean {
  if (isTypingTarget(e.target) || isTypingTarget(document.activeElement)) return false;
  if (e.type !== 'paste' && (window.getSelection()?.toString() ?? '') !== '') return false;
  return true;
}

/**
 * Ctrl/Cmd+C, X and V through the browser's clipboard events: no permission prompt, and the JSON
 * lands on the system clipboard so nodes paste into another flow or another tab.
 */
export function useClipboardEvents(store: EditorStoreApi): void {
  useEffect(() => {
    let lastAt: XY | null = null;
    function onCopyOrCut(e: ClipboardEvent) {
      if (!forCanvas(e)) return;
      const s = store.getState();
      const payload = e.type === 'cut' ? s.cutSelection() : s.copySelection();
      if (!payload) return;
      e.clipboardData?.setData(MIME, serializeClipboard(payload));
      e.preventDefault();
    }
    function onPaste(e: ClipboardEvent) {
      if (!forCanvas(e)) return;
      const text = e.clipboardData?.getData(MIME) ?? '';
      const payload = parseClipboard(text) ?? (text === '' ? store.getState().clipboard : null);
      if (!payload) return;
      e.preventDefault();
      // Under the pointer when it is over the canvas; a second paste without moving it falls
      // back to the growing offset from the original, so copies never stack exactly.
      const at = pastePoint();
      const moved = at !== null && (lastAt === null || at.x !== lastAt.x || at.y !== lastAt.y);
      lastAt = at;
      store.getState().pastePayload(payload, moved ? at : undefined);
    }
    document.addEventListener('copy', onCopyOrCut);
    document.addEventListener('cut', onCopyOrCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopyOrCut);
      document.removeEventListener('cut', onCopyOrCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [store]);
}
