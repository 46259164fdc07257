import type { FlowNode } from '../../schema/node';
import { isConnected, type ValidationContext } from '../context';
import { nodeName, outputSubject } from '../describe';
import { exitLabel } from '../../schema/exitLabels';
import { problem, type Problem } from '../problem';

/**
 * The outputs a conversation must be able to follow. Fallback outputs (`noMatch`, `invalid`,
 * `else`) and the `next` of a message or set step may stay open: the engine then re-asks,
 * answers with the fallback, or simply ends. Handoff outputs have their own rule.
 */
function requiredOutputs(node: FlowNode): string[] {
  switch (node.type) {
    case 'start':
    case 'question':
      return ['next'];
    case 'choice':
      return node.data.options.map((o) => o.id);
    case 'condition':
      return node.data.branches.map((b) => b.id);
    case 'intent':
      return node.data.intents.map((i) => i.id);
    default:
      return [];
  }
}

export function unconnectedOutputs(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const node of ctx.nodeById.values()) {
    for (const handle of new Set(requiredOutputs(node))) {
      if (isConnected(ctx, node.id, handle)) continue;
      const message =
        node.type === 'choice' || node.type === 'condition' || node.type === 'intent'
          ? `${outputSubject(node, handle)} is not connected to anything.`
          : node.type === 'start'
            ? 'The start is not connected to anything, so the conversation has nowhere to begin. Connect it to the first step.'
            : `The "${exitLabel(handle)}" exit of ${nodeName(node)} is not connected to anything.`;
      found.push(problem('unconnected-output', message, { nodeId: node.id, handle }));
    }
  }
  return found;
}
