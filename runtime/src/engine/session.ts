import type { FlowDocument } from '../schema/flow';
import type { VariableValue } from '../schema/common';
import type { Session } from './types';
import type { Turn } from './turn';
import { clearRetries, clearWait, replaceVariables } from './turn';
import { defaultVariables } from './flowIndex';
import { setOwn } from './records';

export interface StartInit {
  sessionId: string;
  /** The published version the conversation is pinned to; null for a draft preview. */
  flowVersion: number | null;
  /** Values the host already knows (e.g. the customer's name from the widget); they override defaults. */
  variables?: Record<string, VariableValue>;
}

/**
 * The idle-expiry rule: the customer has been away longer than the flow's session timeout, so
 * their next message starts the conversation over. The chat service asks it too, on a reconnect.
 */
export function idleTooLong(flow: FlowDocument, session: Pick<Session, 'lastActivityAt'>, now: number): boolean {
  return now - session.lastActivityAt > flow.settings.sessionTimeoutMinutes * 60_000;
}

export function newSession(flow: FlowDocument, init: StartInit, now: number): Session {
  const variables = defaultVariables(flow);
  if (init.variables) for (const [k, v] of Object.entries(init.variables)) setOwn(variables, k, v);
  return {
    id: init.sessionId,
    flowId: flow.id,
    flowVersion: init.flowVersion,
    status: 'active',
    nodeId: null,
    variables,
    retries: {},
    turn: 0,
    startedAt: now,
    lastActivityAt: now,
  };
}

/** Starts the conversation over in the same session: same id, turn count carries on. */
export function resetConversation(turn: Turn, keepVariables: boolean): void {
  const s = turn.session;
  if (!keepVariables) {
    replaceVariables(turn, defaultVariables(turn.flow));
    s.startedAt = turn.now;
  }
  clearRetries(turn);
  clearWait(turn);
  s.status = 'active';
  s.nodeId = null;
}
