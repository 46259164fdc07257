import { beforeEach, describe, expect, it } from 'vitest';
import { useEditorStore } from '../../../editor/src/flow-editor/store';
import { restoreIntoDraft } from '../../../editor/src/flow-editor/history/restoreVersion';
import { previewDoc } from '../preview/previewDoc';

const store = () => useEditorStore.getState();

beforeEach(() => {
  store().load(previewDoc(), 3);
});

describe('restore a version into the draft', () => {
  it('replaces the document as one undo step that autosave picks up', () => {
    const draft = store().toDocument();
    const version = { ...previewDoc(), name: 'Older name', nodes: previewDoc().nodes.filter((n) => n.id !== 'handoff'), edges: [] };
    const counter = store().changeCounter;
    restoreIntoDraft(version);
    expect(store().toDocument()).toEqual(version);
    expect(store().nodeById.has('handoff')).toBe(false);
    expect(store().changeCounter).toBe(counter + 1);
    store().undo();
    expect(store().toDocument()).toEqual(draft);
    expect(store().nodeById.has('handoff')).toBe(true);
  });
});
