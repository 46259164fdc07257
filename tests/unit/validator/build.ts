import { flowDocumentSchema, type FlowDocument, type FlowDocumentInput } from '../../../runtime/src/schema/flow';
import type { FlowNode } from '../../../runtime/src/schema/node';
import type { FlowEdge } from '../../../runtime/src/schema/edge';
import type { Problem, ProblemCode } from '../../../runtime/src/validator';

type NodeOf<K extends FlowNode['type']> = Extract<FlowNode, { type: K }>;
type DataOf<K extends FlowNode['type']> = NodeOf<K>['data'];

/** A node of kind `type`; positions do not matter to the validator. */
export function n<K extends FlowNode['type']>(type: K, id: string, data: DataOf<K>): NodeOf<K> {
  return { id, type, position: { x: 0, y: 0 }, data } as NodeOf<K>;
}

export const start = (id = 'start') => n('start', id, {});
export const message = (id: string, text = `Message ${id}`, extra: Partial<DataOf<'message'>> = {}) =>
  n('message', id, { text, ...extra });
export const question = (id: string, variable: string, extra: Partial<DataOf<'question'>> = {}) =>
  n('question', id, { text: `What is your ${variable}?`, variable, inputKind: 'text', ...extra });
export const choice = (id: string, labels: string[], extra: Partial<DataOf<'choice'>> = {}) =>
  n('choice', id, {
    text: 'How can I help?',
    options: labels.map((label, i) => ({ id: `${id}-o${i + 1}`, label })),
    ...extra,
  });
export const end = (id = 'end', text?: string) => n('end', id, text === undefined ? {} : { text });
export const jump = (id: string, target: string) => n('jump', id, { target });
export const set = (id: string, assignments: DataOf<'set'>['assignments']) => n('set', id, { assignments });
export const handoff = (id: string, queue = 'support') => n('handoff', id, { text: 'Connecting you to a person.', queue });
export const condition = (id: string, branches: DataOf<'condition'>['branches']) => n('condition', id, { branches });

let edgeCounter = 0;
export function e(source: string, sourceHandle: string | null | undefined, target: string, id?: string): FlowEdge {
  edgeCounter += 1;
  return { id: id ?? `edge-${edgeCounter}`, source, sourceHandle, target };
}

/** A schema-valid document (defaults filled in), as `validateFlow` receives it. */
export function flow(nodes: FlowNode[], edges: FlowEdge[], extra: Partial<FlowDocumentInput> = {}): FlowDocument {
  return flowDocumentSchema.parse({ schemaVersion: 2, id: 'f', name: 'Test flow', nodes, edges, ...extra });
}

/** Start -> a -> end, the smallest complete flow, to extend in tests. */
export function linear(...middle: FlowNode[]): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const nodes = [start(), ...middle, end()];
  const edges = nodes.slice(0, -1).map((node, i) => e(node.id, 'next', nodes[i + 1]!.id));
  return { nodes, edges };
}

export function codes(problems: Problem[]): ProblemCode[] {
  return problems.map((p) => p.code);
}

export function only(problems: Problem[], code: ProblemCode): Problem[] {
  return problems.filter((p) => p.code === code);
}

/**
 * Problems other than the note about a question's or choice's retry exit, which most fixtures
 * leave unconnected on purpose because their subject is another rule.
 */
export function ignoringRetryExits(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.code !== 'retry-exit-unconnected');
}
