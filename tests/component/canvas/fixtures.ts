import { flowDocumentSchema, type FlowDocument } from '../../../runtime/src/schema';

/** start -> message -> choice(a -> question, b -> end), question -> end */
export function sampleDoc(): FlowDocument {
  return flowDocumentSchema.parse({
    schemaVersion: 2,
    id: 'flow1',
    name: 'Test flow',
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'm1', type: 'message', position: { x: 200, y: 0 }, data: { text: 'Hello there' } },
      {
        id: 'c1',
        type: 'choice',
        position: { x: 400, y: 0 },
        data: { text: 'Pick one', options: [{ id: 'a', label: 'Card' }, { id: 'b', label: 'Loan' }] },
      },
      {
        id: 'q1',
        type: 'question',
        position: { x: 600, y: 0 },
        data: { text: 'Your email?', variable: 'email', inputKind: 'email' },
      },
      { id: 'end', type: 'end', position: { x: 800, y: 0 }, data: { text: 'Bye' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'm1' },
      { id: 'e2', source: 'm1', sourceHandle: 'next', target: 'c1' },
      { id: 'e3', source: 'c1', sourceHandle: 'a', target: 'q1' },
      { id: 'e4', source: 'c1', sourceHandle: 'b', target: 'end' },
      { id: 'e5', source: 'q1', sourceHandle: 'next', target: 'end' },
    ],
  });
}
