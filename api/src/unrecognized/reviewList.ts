import type { z } from 'zod';
import type { ConversationStore, EventRecord, ReviewMark } from '../../../runtime/src/chat/conversationStore';
import type { FlowDocument } from '../../../runtime/src/schema';
import type { unrecognizedGroupSchema, unrecognizedGroupsQuery, REVIEW_REASONS } from '../contract/unrecognized';
import { groupMessages, type MessageGroup, type UnrecognizedItem } from './groupMessages';

/** Per event name: the newest this many are read. Enough for weeks of a busy shop; the answer says when more were left out. */
export const SCAN_LIMIT = 5000;

type Reason = (typeof REVIEW_REASONS)[number];
type Group = z.output<typeof unrecognizedGroupSchema>;
type Query = z.output<typeof unrecognizedGroupsQuery>;

/** The typed messages among the events; button clicks and answers without their words have nothing to review. */
function itemsOf(events: readonly EventRecord[]): UnrecognizedItem[] {
  return events.flatMap((e) => {
    const text = e.data?.text;
    if (typeof text !== 'string') return [];
    const reason: Reason = e.name === 'validationFailed' ? 'unclearAnswer' : e.data?.reason === 'noMatch' ? 'noMatch' : 'lowConfidence';
    const best = e.data?.best;
    return [{ text, nodeId: e.nodeId, version: e.flowVersion, at: e.at, reason, best: typeof best === 'string' ? best : null }];
  });
}

/** A message leaves the list once dismissed, and once added while the bot still runs a version from before the addition. */
function unreviewed(marks: readonly ReviewMark[]) {
  const byKey = new Map(marks.map((m) => [m.key, m]));
  return (key: string, item: UnrecognizedItem) => {
    const mark = byKey.get(key);
    if (!mark) return true;
    return mark.action === 'added' && item.version > mark.beforeVersion;
  };
}

/** The likeliest place to add a group: its busiest step that can take phrases, and there the entry the classifier favoured. */
function suggestionFor(flow: FlowDocument, group: MessageGroup): Group['suggestion'] {
  for (const at of group.nodes) {
    const node = at.nodeId === null ? undefined : flow.nodes.find((n) => n.id === at.nodeId);
    if (node?.type === 'intent') {
      const targetId = node.data.intents.some((i) => i.id === at.best) ? at.best : null;
      return { kind: 'intent', nodeId: node.id, targetId };
    }
    if (node?.type === 'faq') {
      const targetId = node.data.items.some((i) => i.id === at.best) ? at.best : null;
      return { kind: 'faq', nodeId: node.id, targetId };
    }
    if (node?.type === 'choice') return { kind: 'choice', nodeId: node.id, targetId: null };
  }
  return null;
}

/** One page of the review list of a flow: grouped, unreviewed, filtered, most frequent first. */
export async function reviewList(store: ConversationStore, flow: FlowDocument, query: Query): Promise<{ groups: Group[]; total: number; truncated: boolean }> {
  const flowId = flow.id;
  const version = query.version !== undefined ? { flowVersion: query.version } : {};
  const [fallbacks, rejected, marks] = await Promise.all([
    store.listFlowEvents({ flowId, name: 'fallback', limit: SCAN_LIMIT, ...version }),
    store.listFlowEvents({ flowId, name: 'validationFailed', limit: SCAN_LIMIT, ...version }),
    store.listReviewMarks(flowId),
  ]);
  const items = itemsOf([...fallbacks, ...rejected]).filter(
    (i) => (query.nodeId === undefined || i.nodeId === query.nodeId) && (query.reason === undefined || i.reason === query.reason),
  );
  const groups = groupMessages(items, unreviewed(marks));
  const page = groups.slice(query.offset, query.offset + query.limit).map((g) => ({
    keys: g.keys,
    text: g.text,
    count: g.count,
    examples: g.examples,
    firstSeen: new Date(g.firstSeen).toISOString(),
    lastSeen: new Date(g.lastSeen).toISOString(),
    nodes: g.nodes,
    reasons: g.reasons as Reason[],
    versions: g.versions,
    suggestion: suggestionFor(flow, g),
  }));
  return { groups: page, total: groups.length, truncated: fallbacks.length === SCAN_LIMIT || rejected.length === SCAN_LIMIT };
}
