import { isConnected, type ValidationContext } from '../context';
import { capitalize, nodeName } from '../describe';
import { problem, type Problem } from '../problem';

/** Unrecognised messages should be routed (rephrase, menu, human), not only apologised for. */
export function fallbackOutputs(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const node of ctx.nodeById.values()) {
    if (node.type !== 'intent' && node.type !== 'faq') continue;
    if (isConnected(ctx, node.id, 'fallback')) continue;
    found.push(
      problem(
        'fallback-unconnected',
        `${capitalize(nodeName(node))} has nothing connected to "fallback": when it does not understand, the customer only gets the standard "didn't get that" text. Connect it to a menu or a handoff.`,
        { nodeId: node.id, handle: 'fallback' },
      ),
    );
  }
  return found;
}
