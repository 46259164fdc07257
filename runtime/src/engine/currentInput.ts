import type { FlowDocument } from '../schema/flow';
import type { FlowNode } from '../schema/node';
import { assertNever } from '../util/assertNever';
import type { InputRequest, Session } from './types';
import { indexOf } from './flowIndex';
import { questionInput } from './nodes/question';
import { choiceInput } from './nodes/choice';
import { intentInput } from './nodes/intent';
import { faqInput } from './nodes/faq';
import { satisfactionInput } from './nodes/satisfaction';

/** What a node the session waits at expects; `none` for the kinds that never wait for the customer. */
function expectedInput(node: FlowNode, session: Session, locale: string): InputRequest {
  switch (node.type) {
    case 'question':
      return questionInput(node);
    case 'choice':
      return choiceInput(node);
    case 'intent':
      return intentInput(node);
    case 'faq':
      return faqInput(node, session, locale);
    case 'satisfaction':
      return satisfactionInput(node, session, locale);
    // A session waits at an HTTP request only while the host runs it.
    case 'httpRequest':
    case 'start':
    case 'message':
    case 'condition':
    case 'set':
    case 'handoff':
    case 'jump':
    case 'end':
      return { type: 'none' };
    default:
      return assertNever(node);
  }
}

/** What the customer is expected to answer, derived from the session alone (e.g. after a reconnect). */
export function currentInput(flow: FlowDocument, session: Session): InputRequest {
  if (session.status !== 'waiting' || session.nodeId === null) return { type: 'none' };
  const node = indexOf(flow).nodes.get(session.nodeId);
  if (!node) return { type: 'none' };
  return expectedInput(node, session, flow.locale);
}
