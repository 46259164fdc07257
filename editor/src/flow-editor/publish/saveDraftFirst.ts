import { getActiveAutosave } from '../save/activeAutosave';
import { useEditorStore } from '../store';

/**
 * Publishing and server test runs act on the saved draft, so pending edits are saved first.
 * False when they could not be (offline, conflict): acting then would use an older document.
 */
export async function saveDraftFirst(): Promise<boolean> {
  await getActiveAutosave()?.saveNow();
  const s = useEditorStore.getState();
  return s.changeCounter === s.savedCounter;
}
