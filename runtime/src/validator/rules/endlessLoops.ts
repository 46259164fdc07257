import type { FlowNode } from '../../schema/node';
import { assertNever } from '../../util/assertNever';
import type { ValidationContext } from '../context';
import { capitalize, nodeName } from '../describe';
import { cyclicComponents } from '../graph/stronglyConnected';
import { problem, type Problem } from '../problem';

const NAMED_IN_MESSAGE = 4;

/** Whether the engine moves on from this node within the same turn, without anyone answering. */
export function runsAutomatically(node: FlowNode): boolean {
  switch (node.type) {
    case 'start':
    case 'message':
    case 'condition':
    case 'set':
    case 'jump':
    case 'httpRequest': // The host answers a request within the same turn, so a loop through one never waits.
      return true;
    // With a question template the host answers within the turn; without one it waits for the customer.
    case 'knowledgeAnswer':
      return node.data.question !== undefined;
    case 'intent':
    case 'faq':
    case 'satisfaction':
    case 'question':
    case 'choice':
    case 'handoff':
    case 'end':
      return false;
    default:
      return assertNever(node);
  }
}

/**
 * A loop made only of automatic steps spins until the engine's step bound cuts the turn
 * short. Waiting steps can never sit inside such a loop because their outgoing edges are not
 * automatic, so every cyclic component of the automatic graph is a loop that never waits.
 */
export function endlessLoops(ctx: ValidationContext): Problem[] {
  const automatic: FlowNode[] = [];
  const indexOf = new Map<string, number>();
  for (const node of ctx.nodeById.values()) {
    if (!runsAutomatically(node)) continue;
    indexOf.set(node.id, automatic.length);
    automatic.push(node);
  }
  const adjacency = automatic.map((node) => {
    const out: number[] = [];
    for (const target of ctx.successors.get(node.id) ?? []) {
      const i = indexOf.get(target);
      if (i !== undefined) out.push(i);
    }
    return out;
  });

  return cyclicComponents(automatic.length, adjacency).map((component) => {
    const members = component.sort((a, b) => a - b).map((i) => automatic[i]!);
    const names = members.slice(0, NAMED_IN_MESSAGE).map((n) => nodeName(n, ctx.nodeById));
    const more = members.length - names.length;
    const listed = more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ');
    return problem(
      'endless-loop',
      members.length === 1
        ? `${capitalize(names[0]!)} leads back to itself without waiting for the customer, so it would repeat forever. Add a question or choice, or end the conversation.`
        : `These steps go round in a loop without waiting for the customer, so they would repeat forever: ${listed}. Add a question or choice inside the loop, or end it.`,
      { nodeId: members[0]!.id },
    );
  });
}

