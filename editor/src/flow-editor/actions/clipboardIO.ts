import { parseClipboard, serializeClipboard, type ClipboardPayload } from '../model/clipboardPayload';
import type { EditorStoreApi } from './types';

/**
 * The system clipboard lets nodes travel between flows and tabs. Writing or reading it can be
 * refused (no permission, insecure origin), so the store's in-memory copy always backs it up.
 */
export async function writeSystemClipboard(payload: ClipboardPayload): Promise<void> {
  try {
    await navigator.clipboard?.writeText(serializeClipboard(payload));
  } catch {
    // Permission refused: the in-memory copy still works inside this tab.
  }
}

export async function readSystemClipboard(): Promise<ClipboardPayload | null> {
  try {
    const text = await navigator.clipboard?.readText();
    return text ? parseClipboard(text) : null;
  } catch {
    return null;
  }
}

export async function pasteFromClipboard(store: EditorStoreApi, at?: { x: number; y: number }): Promise<string[]> {
  const payload = (await readSystemClipboard()) ?? store.getState().clipboard;
  if (!payload) return [];
  return store.getState().pastePayload(payload, at);
}
