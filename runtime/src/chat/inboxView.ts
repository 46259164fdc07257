import type { VariableValue } from '../schema/common';
import type { HandoffPriority } from '../schema/nodes/handoff';
import type { SessionStatus } from '../engine/types';
import type { AgentRef, ConversationRecord, HandoffResolution, HandoffStatus } from './conversationStore';
import type { InboxMessage } from './messages';
import type { MaskSettings } from '../schema/privacySettings';
import { maskVariables } from './maskTurn';

/** One row of the agents' queue. */
export interface InboxItem {
  sessionId: string;
  flowId: string;
  flowName: string;
  flowVersion: number;
  status: HandoffStatus;
  queue: string;
  priority: HandoffPriority;
  note: string;
  requestedAt: string;
  /** Seconds the customer waited (so far, while still waiting) for an agent. */
  waitingSeconds: number;
  assignedAgent: AgentRef | null;
  claimedAt: string | null;
  closedAt: string | null;
  resolution: HandoffResolution | null;
  /** What the flow captured so far: order number, email and so on. */
  variables: Record<string, VariableValue>;
  conversationStatus: SessionStatus;
  updatedAt: string;
}

export interface InboxConversation {
  conversation: InboxItem;
  messages: InboxMessage[];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Only for records with a handoff; callers check. With `mask`, captured variables are shown
 * masked like the transcript (the session itself keeps the raw values for the flow).
 */
export function toInboxItem(record: ConversationRecord, flowName: string, now: number, mask?: MaskSettings): InboxItem {
  const h = record.handoff!;
  const waitedUntil = h.claimedAt ?? h.closedAt ?? now;
  return {
    sessionId: record.id,
    flowId: record.flowId,
    flowName,
    flowVersion: record.flowVersion,
    status: h.status,
    queue: h.queue,
    priority: h.priority,
    note: h.note,
    requestedAt: new Date(h.requestedAt).toISOString(),
    waitingSeconds: Math.max(0, Math.floor((waitedUntil - h.requestedAt) / 1000)),
    assignedAgent: h.assignedAgent,
    claimedAt: iso(h.claimedAt),
    closedAt: iso(h.closedAt),
    resolution: h.resolution,
    variables: mask ? maskVariables(record.session.variables, mask) : record.session.variables,
    conversationStatus: record.session.status,
    updatedAt: new Date(record.updatedAt).toISOString(),
  };
}
