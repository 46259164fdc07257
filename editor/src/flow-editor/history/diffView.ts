import { diffFlows, type FlowDocument } from '@switchboard/runtime';
import type { DiffMark, VersionRef, VersionView } from '../preview/previewStore';

/** A comparison of two documents, with each node's mark for the canvas. */
export function diffView(from: VersionRef, to: VersionRef, before: FlowDocument, after: FlowDocument): Extract<VersionView, { kind: 'diff' }> {
  const diff = diffFlows(before, after);
  const marks = new Map<string, DiffMark>();
  for (const n of diff.nodes.added) marks.set(n.id, 'added');
  for (const n of diff.nodes.removed) marks.set(n.id, 'removed');
  for (const c of diff.nodes.changed) marks.set(c.id, 'changed');
  return { kind: 'diff', from, to, before, after, diff, marks };
}
