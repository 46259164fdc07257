import type { DiffSummary, FlowDiff } from './types';

/** Counts for the publish dialog's headline ("3 steps changed, 1 added"). */
export function summarize(diff: FlowDiff): DiffSummary {
  const summary = {
    nodes: {
      added: diff.nodes.added.length,
      removed: diff.nodes.removed.length,
      changed: diff.nodes.changed.length,
      moved: diff.nodes.moved.length,
    },
    edges: { added: diff.edges.added.length, removed: diff.edges.removed.length },
    variables: {
      added: diff.variables.added.length,
      removed: diff.variables.removed.length,
      changed: diff.variables.changed.length,
    },
    settings: diff.settings.length,
    meta: diff.meta.length,
    texts: diff.textChanges.length,
  };
  // Text changes are part of their node's change, so they are not counted twice.
  const total =
    summary.nodes.added +
    summary.nodes.removed +
    summary.nodes.changed +
    summary.edges.added +
    summary.edges.removed +
    summary.variables.added +
    summary.variables.removed +
    summary.variables.changed +
    summary.settings +
    summary.meta;
  return { ...summary, total };
}
