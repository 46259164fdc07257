import { useEffect } from 'react';
import { ACTIONS } from './actions';
import { isCanvasTarget, isTypingTarget } from './keys';
import type { ActionContext, EditorStoreApi } from './types';
import { usePreviewStore } from '../preview/previewStore';

/**
 * One capture-phase listener for every shortcut, so that the canvas's own key handling (React
 * Flow moves focused nodes by its own step) never runs alongside ours. Keys typed into fields
 * are left alone, as is anything inside an open dialog.
 */
export function useKeyboardShortcuts(store: EditorStoreApi, ctx: ActionContext): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.isComposing || isTypingTarget(e.target)) return;
      // A version open read-only: shortcuts would edit the hidden draft.
      if (usePreviewStore.getState().view !== null) return;
      if (e.target instanceof Element && e.target.closest('[role="dialog"], [role="menu"], [role="listbox"]')) return;
      // Text selected on the page: Ctrl+C should copy that text, not nodes.
      if ((e.ctrlKey || e.metaKey) && (e.key === 'c' || e.key === 'x') && (window.getSelection()?.toString() ?? '') !== '') return;
      const state = store.getState();
      for (const action of ACTIONS) {
        if (!action.keyTest?.(e)) continue;
        if (action.scope === 'canvas' && !isCanvasTarget(e.target)) continue;
        if (action.predicate && !action.predicate(state, ctx)) continue;
        e.preventDefault();
        e.stopPropagation();
        action.perform(store, ctx, e);
        return;
      }
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [store, ctx]);
}
