import type { FlowDocument } from '../schema/flow';
import type { InputRequest, Session } from './types';
import { indexOf } from './flowIndex';
import type { FlowNode } from '../schema/node';
import { feedbackTexts } from './answers/feedbackTexts';
import { HELPFUL_NO, HELPFUL_YES } from './nodes/faq';
import { SKIP_COMMENT } from './nodes/satisfaction';

const FREE_TEXT = (nodeId: string): InputRequest => ({ type: 'text', nodeId, inputKind: 'text' });

/** The input of the kinds added with intent detection; `none` while the host runs a request. */
function waitingInput(node: FlowNode, session: Session, locale: string): InputRequest {
  const wait = session.wait;
  switch (node.type) {
    case 'intent':
      return FREE_TEXT(node.id);
    case 'faq': {
      if (wait?.kind !== 'faqHelpful') return FREE_TEXT(node.id);
      const t = feedbackTexts(locale);
      const options = [
        { id: HELPFUL_YES, label: t.yes },
        { id: HELPFUL_NO, label: t.no },
      ];
      return { type: 'choice', nodeId: node.id, options, allowText: true };
    }
    case 'satisfaction':
      if (wait?.kind === 'csatComment') {
        return { type: 'choice', nodeId: node.id, options: [{ id: SKIP_COMMENT, label: feedbackTexts(locale).skipComment }], allowText: true };
      }
      return { type: 'rating', nodeId: node.id, scale: 5, allowComment: node.data.askComment === true };
    default:
      return { type: 'none' };
  }
}

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
  return waitingInput(node, session, flow.locale);
}
