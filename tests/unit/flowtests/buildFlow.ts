import { parseFlowDocument, type FlowDocument, type FlowDocumentInput } from '../../../runtime/src/schema/flow';

type NodeSpec = [id: string, type: string, data: Record<string, unknown>];
type EdgeSpec = [source: string, handle: string, target: string];

/** A small flow for runner tests, laid out in a row; parsed so it is exactly what the engine gets. */
export function buildFlow(nodes: NodeSpec[], edges: EdgeSpec[], extra: Partial<FlowDocumentInput> = {}): FlowDocument {
  const parsed = parseFlowDocument({
    schemaVersion: 2,
    id: 'test-flow',
    name: 'Test flow',
    locale: 'en',
    ...extra,
    nodes: nodes.map(([id, type, data], i) => ({ id, type, position: { x: i * 280, y: 0 }, data })),
    edges: edges.map(([source, sourceHandle, target]) => ({ id: `${source}-${sourceHandle}`, source, sourceHandle, target })),
  });
  if (!parsed.ok) throw new Error(`test flow is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.flow;
}
