import type { FlowDocument, FlowDocumentInput } from '../../../../runtime/src/schema';
import { parseFlowDocument } from '../../../../runtime/src/schema';
import type { PublishedFlowSource } from '../../../../runtime/src/server/chat/flowVersionCache';

/**
 * A small support flow that exercises every path the chat host cares about:
 * greeting -> menu; "order" asks a question; "human" hands off (resolved / offline branches);
 * "loop" jumps back to the menu, so a conversation can go on for ever (benchmarks).
 */
export function chatFlowDocument(opts: { id?: string; greeting?: string; allowedOrigins?: string[]; timeoutMinutes?: number } = {}): FlowDocument {
  const raw: FlowDocumentInput = {
    schemaVersion: 2,
    id: opts.id ?? 'flow-chat',
    name: 'Chat test flow',
    locale: 'en',
    variables: [{ name: 'orderNo', type: 'string' }],
    settings: {
      allowedOrigins: opts.allowedOrigins ?? [],
      sessionTimeoutMinutes: opts.timeoutMinutes ?? 30,
    },
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'hello', type: 'message', position: { x: 0, y: 100 }, data: { text: opts.greeting ?? 'Hello from v1' } },
      {
        id: 'menu',
        type: 'choice',
        position: { x: 0, y: 200 },
        data: {
          text: 'What do you need?',
          options: [
            { id: 'order', label: 'Order status' },
            { id: 'human', label: 'Talk to a human' },
            { id: 'loop', label: 'Again' },
          ],
        },
      },
      { id: 'askOrder', type: 'question', position: { x: 0, y: 300 }, data: { text: 'Your order number?', variable: 'orderNo', inputKind: 'text' } },
      { id: 'thanks', type: 'end', position: { x: 0, y: 400 }, data: { text: 'Thanks, order {{orderNo}} is on its way.' } },
      {
        id: 'handoff',
        type: 'handoff',
        position: { x: 200, y: 300 },
        data: { text: 'Connecting you to a person…', queue: 'billing', priority: 'high', note: 'Order {{orderNo}}' },
      },
      { id: 'back', type: 'message', position: { x: 200, y: 400 }, data: { text: 'The bot is back. Anything else?' } },
      { id: 'offline', type: 'end', position: { x: 400, y: 400 }, data: { text: 'Nobody is online, we will email you.' } },
      { id: 'again', type: 'jump', position: { x: 400, y: 300 }, data: { target: 'menu' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
      { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'menu' },
      { id: 'e3', source: 'menu', sourceHandle: 'order', target: 'askOrder' },
      { id: 'e4', source: 'askOrder', sourceHandle: 'next', target: 'thanks' },
      { id: 'e5', source: 'menu', sourceHandle: 'human', target: 'handoff' },
      { id: 'e6', source: 'handoff', sourceHandle: 'resolved', target: 'back' },
      { id: 'e7', source: 'back', sourceHandle: 'next', target: 'menu' },
      { id: 'e8', source: 'handoff', sourceHandle: 'offline', target: 'offline' },
      { id: 'e9', source: 'menu', sourceHandle: 'loop', target: 'again' },
    ],
  };
  const parsed = parseFlowDocument(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.flow;
}

/** An in-memory published-version source with the same semantics as the flow store. */
export class MemoryFlowSource implements PublishedFlowSource {
  readonly versions = new Map<string, FlowDocument[]>();
  readonly live = new Map<string, number | null>();

  publish(flow: FlowDocument): number {
    const list = this.versions.get(flow.id) ?? [];
    list.push(structuredClone(flow));
    this.versions.set(flow.id, list);
    this.live.set(flow.id, list.length);
    return list.length;
  }

  async getLive(flowId: string) {
    const n = this.live.get(flowId);
    return n ? this.getVersion(flowId, n) : null;
  }

  async getVersion(flowId: string, n: number) {
    const flow = this.versions.get(flowId)?.[n - 1];
    return flow ? { number: n, flow: structuredClone(flow) } : null;
  }
}
