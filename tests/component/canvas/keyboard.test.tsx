import { cleanup, fireEvent, render, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useKeyboardShortcuts } from '../../../editor/src/flow-editor/actions/useKeyboardShortcuts';
import type { ActionContext } from '../../../editor/src/flow-editor/actions/types';
import { useEditorStore } from '../../../editor/src/flow-editor/store';
import { sampleDoc } from './fixtures';

const store = () => useEditorStore.getState();
let focused: string | null = null;
let inspectorFocused = 0;
const ctx: ActionContext = {
  fitView: () => undefined,
  viewCenter: () => ({ x: 0, y: 0 }),
  focusedNodeId: () => focused,
  focusInspector: () => void inspectorFocused++,
};

beforeEach(() => {
  focused = null;
  inspectorFocused = 0;
  store().load(sampleDoc(), 1);
  renderHook(() => useKeyboardShortcuts(useEditorStore, ctx));
});
afterEach(cleanup);

const key = (k: string, opts: Partial<KeyboardEventInit> = {}, target: Element = document.body) =>
  fireEvent.keyDown(target, { key: k, code: k === '1' ? 'Digit1' : undefined, bubbles: true, ...opts });

describe('keyboard shortcuts', () => {
  it('undo with Ctrl+Z, redo with Ctrl+Shift+Z and Ctrl+Y', () => {
    store().updateNodeData('m1', { text: 'Changed' });
    key('z', { ctrlKey: true });
    expect(store().nodeById.get('m1')!.data).toEqual({ text: 'Hello there' });
    key('Z', { ctrlKey: true, shiftKey: true });
    expect(store().nodeById.get('m1')!.data).toEqual({ text: 'Changed' });
    key('z', { metaKey: true });
    key('y', { ctrlKey: true });
    expect(store().nodeById.get('m1')!.data).toEqual({ text: 'Changed' });
  });

  it('leaves keys typed into a text field alone', () => {
    const { getByRole } = render(<input aria-label="field" />);
    store().updateNodeData('m1', { text: 'Changed' });
    store().selectNodes(['m1']);
    key('z', { ctrlKey: true }, getByRole('textbox'));
    key('Delete', {}, getByRole('textbox'));
    expect(store().nodeById.get('m1')!.data).toEqual({ text: 'Changed' });
  });

  it('Delete and Backspace remove the selection', () => {
    store().selectNodes(['q1']);
    key('Delete');
    expect(store().nodeById.has('q1')).toBe(false);
    store().selectNodes(['c1']);
    key('Backspace');
    expect(store().nodeById.has('c1')).toBe(false);
  });

  it('arrows nudge the selection by the grid, Shift by one pixel, one undo step each', () => {
    store().selectNodes(['m1', 'c1']);
    const past = store().past.length;
    key('ArrowRight');
    key('ArrowDown', { shiftKey: true });
    expect(store().nodeById.get('m1')!.position).toEqual({ x: 220, y: 1 });
    expect(store().nodeById.get('c1')!.position).toEqual({ x: 420, y: 1 });
    expect(store().past.length).toBe(past + 2);
  });

  it('Ctrl+D duplicates, Ctrl+A selects all, Ctrl+F opens find', () => {
    store().selectNodes(['end']);
    key('d', { ctrlKey: true });
    expect(store().nodes).toHaveLength(6);
    key('a', { ctrlKey: true });
    expect(store().selectedNodeIds).toHaveLength(6);
    key('f', { ctrlKey: true });
    expect(store().findOpen).toBe(true);
  });

  it('Enter on a focused node selects it and moves focus to the inspector', () => {
    focused = 'q1';
    key('Enter');
    expect(store().selectedNodeIds).toEqual(['q1']);
    expect(inspectorFocused).toBe(1);
  });
});
