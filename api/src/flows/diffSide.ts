import type { FlowDocument } from '../../../runtime/src/schema';
import type { FlowStore, StoredFlow } from '../storage/flowStore';
import { notFound } from '../http/errors';

/** What one side resolved to: the draft, a version number, or null when nothing is live. */
export type DiffSideRef = 'draft' | number | null;

export async function resolveSide(
  flows: FlowStore,
  stored: StoredFlow,
  side: 'draft' | 'live' | number,
): Promise<{ ref: DiffSideRef; flow: FlowDocument | null }> {
  if (side === 'draft') return { ref: 'draft', flow: stored.flow };
  const version = side === 'live' ? await flows.getLive(stored.flow.id) : await flows.getVersion(stored.flow.id, side);
  if (!version && side !== 'live') throw notFound('Version');
  return version ? { ref: version.number, flow: version.flow } : { ref: null, flow: null };
}

/**
 * Stands in for "nothing published": the other side without its steps, connections and
 * variables, so a first publish lists everything as added but no settings as changed.
 */
export function emptyLike(flow: FlowDocument): FlowDocument {
  return { ...flow, nodes: [], edges: [], variables: [] };
}
