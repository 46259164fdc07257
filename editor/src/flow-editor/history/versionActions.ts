import type { FlowDocument } from '@switchboard/runtime';
import { api } from '../../api';
import { useEditorStore } from '../store';
import { useLiveStore } from '../publish/liveStore';
import { usePreviewStore, type VersionRef } from '../preview/previewStore';
import { useHistoryStore } from './historyStore';
import { diffView } from './diffView';
import { restoreIntoDraft } from './restoreVersion';
import { saveDraftFirst } from '../publish/saveDraftFirst';
import type { RollbackResult } from '../../api/versions';

async function documentOf(flowId: string, ref: VersionRef): Promise<FlowDocument> {
  return ref === 'draft' ? useEditorStore.getState().toDocument() : (await api.versions.get(flowId, ref)).flow;
}

export async function openVersion(flowId: string, n: number): Promise<void> {
  const flow = await documentOf(flowId, n);
  usePreviewStore.getState().openView({ kind: 'version', number: n, flow });
}

/** Compares two versions (or one with the draft, unsaved edits included) on the canvas. */
export async function compareVersions(flowId: string, from: VersionRef, to: VersionRef): Promise<void> {
  const [before, after] = await Promise.all([documentOf(flowId, from), documentOf(flowId, to)]);
  usePreviewStore.getState().openView(diffView(from, to, before, after));
}

export async function restoreVersion(flowId: string, n: number): Promise<void> {
  restoreIntoDraft(await documentOf(flowId, n));
  usePreviewStore.getState().closeView();
}

async function refresh(flowId: string): Promise<void> {
  await Promise.all([useHistoryStore.getState().load(flowId), useLiveStore.getState().refresh(flowId)]);
}

export class UnsavedDraftError extends Error {}

/**
 * Makes version `n` live again under a new number; running conversations keep their version.
 * The server resets the draft to version `n` too, so the editor loads it; pending edits are
 * saved first so that the server can keep them in its copy rather than losing them here.
 */
export async function rollbackTo(flowId: string, n: number): Promise<RollbackResult> {
  if (!(await saveDraftFirst())) throw new UnsavedDraftError('unsaved');
  const result = await api.versions.rollback(flowId, n);
  const detail = await api.flows.get(flowId);
  useEditorStore.getState().load(detail.flow, detail.revision);
  await refresh(flowId);
  return result;
}

export async function unpublish(flowId: string): Promise<void> {
  await api.versions.unpublish(flowId);
  await refresh(flowId);
}
