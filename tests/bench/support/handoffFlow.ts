import { parseFlowDocument, type FlowDocument } from '../../../runtime/src/schema';

/** A flow whose first step hands the customer to a person: every conversation lands in the inbox. */
export function handoffFlowDocument(id: string, queue: string): FlowDocument {
  const parsed = parseFlowDocument({
    schemaVersion: 2,
    id,
    name: 'Straight to an agent',
    locale: 'en',
    variables: [],
    settings: { allowedOrigins: [], sessionTimeoutMinutes: 60 },
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'handoff', type: 'handoff', position: { x: 0, y: 100 }, data: { text: 'Connecting you to a person…', queue } },
      { id: 'resolved', type: 'end', position: { x: 0, y: 200 }, data: { text: 'Glad we could help.' } },
      { id: 'offline', type: 'end', position: { x: 200, y: 200 }, data: { text: 'Nobody is online.' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'handoff' },
      { id: 'e2', source: 'handoff', sourceHandle: 'resolved', target: 'resolved' },
      { id: 'e3', source: 'handoff', sourceHandle: 'offline', target: 'offline' },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.flow;
}
