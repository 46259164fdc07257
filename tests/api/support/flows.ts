import type { FlowDocumentInput } from '../../../runtime/src/schema';

/** A small flow that passes the validator: start -> question -> end. */
export function validFlow(id = 'flow-a', name = 'Order status'): FlowDocumentInput {
  return {
    schemaVersion: 2,
    id,
    name,
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'ask', type: 'question', position: { x: 0, y: 100 }, data: { text: 'Your order number?', variable: 'order', inputKind: 'text' } },
      { id: 'bye', type: 'end', position: { x: 0, y: 200 }, data: { text: 'Thanks, {{order}} is on its way.' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'bye' },
      { id: 'e3', source: 'ask', sourceHandle: 'invalid', target: 'bye' },
    ],
    variables: [{ name: 'order', type: 'string' }],
  };
}

/** Schema-valid, but the validator reports an error: a jump to a step that does not exist. */
export function flowWithErrors(id = 'flow-broken'): FlowDocumentInput {
  return {
    schemaVersion: 2,
    id,
    name: 'Broken',
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'jump1', type: 'jump', position: { x: 0, y: 100 }, data: { target: 'nowhere' } },
    ],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'jump1' }],
  };
}
