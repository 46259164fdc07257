import type { FlowDocument } from '../schema/flow';
import type { InputRequest, Session } from './types';
import { indexOf } from './flowIndex';
import { kindOf } from '../kinds';

/** What the customer is expected to answer, derived from the session alone (e.g. after a reconnect). */
export function currentInput(flow: FlowDocument, session: Session): InputRequest {
  if (session.status !== 'waiting' || session.nodeId === null) return { type: 'none' };
  const node = indexOf(flow).nodes.get(session.nodeId);
  if (!node) return { type: 'none' };
  return kindOf(node).expectedInput(node, session, flow.locale);
}
