import type { FlowNode } from '../../schema/node';
import type { ValidationContext } from '../context';
import { capitalize, nodeName, optionLabel, quote } from '../describe';
import { problem, type Problem } from '../problem';

// Option and branch ids are output handles, so they must not collide with a kind's named outputs.
const RESERVED_CHOICE_HANDLES = new Set(['noMatch']);
const RESERVED_CONDITION_HANDLES = new Set(['else']);

export function duplicateIds(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];

  for (const node of ctx.flow.nodes) {
    // The index keeps the first node of each id, so any other node with that id is a duplicate.
    const first = ctx.nodeById.get(node.id)!;
    if (first === node) continue;
    found.push(
      problem(
        'duplicate-id',
        `${capitalize(nodeName(node))} has the same id (${quote(node.id)}) as ${nodeName(first)}. Every step needs its own id.`,
        { nodeId: node.id },
      ),
    );
  }

  const edgeIds = new Set<string>();
  for (const edge of ctx.flow.edges) {
    if (!edgeIds.has(edge.id)) {
      edgeIds.add(edge.id);
      continue;
    }
    found.push(
      problem('duplicate-id', `Two connections share the id ${quote(edge.id)}. Every connection needs its own id.`, {
        edgeId: edge.id,
      }),
    );
  }

  for (const node of ctx.nodeById.values()) {
    if (node.type === 'choice') {
      found.push(...duplicateItemIds(node, 'option', node.data.options, RESERVED_CHOICE_HANDLES));
    } else if (node.type === 'condition') {
      found.push(...duplicateItemIds(node, 'branch', node.data.branches, RESERVED_CONDITION_HANDLES));
    }
  }
  return found;
}

function duplicateItemIds(
  node: FlowNode,
  noun: 'option' | 'branch',
  items: readonly { id: string; label: string }[],
  reserved: ReadonlySet<string>,
): Problem[] {
  const found: Problem[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const where = { nodeId: node.id, handle: item.id };
    if (reserved.has(item.id)) {
      found.push(
        problem(
          'duplicate-id',
          `The ${noun} ${optionLabel(item.label)} in ${nodeName(node)} uses the id ${quote(item.id)}, which is reserved. Give it another id.`,
          where,
        ),
      );
    } else if (seen.has(item.id)) {
      found.push(
        problem(
          'duplicate-id',
          `Two ${noun === 'option' ? 'options' : 'branches'} in ${nodeName(node)} share the id ${quote(item.id)}, so their connections would be mixed up.`,
          where,
        ),
      );
    }
    seen.add(item.id);
  }
  return found;
}
