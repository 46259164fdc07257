import type { LucideIcon } from 'lucide-react';
import type { StoreApi } from 'zustand';
import type { EditorState } from '../store';
import type { XY } from '../store/types';

export type EditorStoreApi = Pick<StoreApi<EditorState>, 'getState' | 'setState'>;

/** What an action may need from the live canvas, which the store cannot reach. */
export interface ActionContext {
  fitView(): void;
  /** The centre of the visible canvas, in flow coordinates. */
  viewCenter(): XY;
  /** The id of the node card that has keyboard focus, if any. */
  focusedNodeId(): string | null;
  focusInspector(): void;
}

/**
 * One command shared by the toolbar and the keyboard (after excalidraw's actions): the button
 * is disabled when `predicate` fails, and the shortcut runs only when `keyTest` matches.
 */
export interface EditorAction {
  name: string;
  labelKey: string;
  icon?: LucideIcon;
  /** Human-readable shortcut for tooltips, e.g. "Mod+Z". */
  shortcut?: string;
  /** `canvas` shortcuts act only while focus is on the canvas (arrows, Delete, Enter...). */
  scope: 'global' | 'canvas';
  keyTest?(e: KeyboardEvent): boolean;
  predicate?(state: EditorState, ctx: ActionContext): boolean;
  perform(store: EditorStoreApi, ctx: ActionContext, e?: KeyboardEvent): void;
}
