import type { FlowNode } from '../schema/node';
import { kindOf } from '../kinds';

/**
 * What the customer (or, for a handoff note, the agent) reads, by field name; each kind says
 * which of its fields these are (runtime/src/kinds).
 */
export function textFields(node: FlowNode): Record<string, string> {
  return kindOf(node).texts(node);
}
