import type { FlowSummary } from '../api';

export type FlowStatus = { kind: 'draft' } | { kind: 'live'; version: number; unpublishedChanges: boolean };

export function flowStatus(flow: Pick<FlowSummary, 'publishedVersion' | 'hasUnpublishedChanges'>): FlowStatus {
  if (flow.publishedVersion === null) return { kind: 'draft' };
  return { kind: 'live', version: flow.publishedVersion, unpublishedChanges: flow.hasUnpublishedChanges };
}
