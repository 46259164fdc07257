import type { FlowDocument } from '../schema/flow';
import type { InputRequest, Session } from './types';
import { indexOf } from './flowIndex';

/** What the customer is expected to answer, derived from the session alone (e.g. after a reconnect). */
export function currentInput(flow: FlowDocument, session: Session): InputRequest {
  if (session.status !== 'waiting' || session.nodeId === null) return { type: 'none' };
  const node = indexOf(flow).nodes.get(session.nodeId);
  if (!node) return { type: 'none' };
  if (node.type === 'choice') {
    return {
      type: 'choice',
      nodeId: node.id,
      options: node.data.options.map((o) => ({ id: o.id, label: o.label })),
      allowText: true,
    };
  }
  if (node.type === 'question') {
    const { data } = node;
    const request: Extract<InputRequest, { type: 'text' }> = { type: 'text', nodeId: node.id, inputKind: data.inputKind };
    // Only present fields, so the request is the same after a JSON round-trip.
    if (data.placeholder !== undefined) request.placeholder = data.placeholder;
    if (data.pattern !== undefined) request.pattern = data.pattern;
    if (data.minLength !== undefined) request.minLength = data.minLength;
    if (data.maxLength !== undefined) request.maxLength = data.maxLength;
    return request;
  }
  return { type: 'none' };
}
