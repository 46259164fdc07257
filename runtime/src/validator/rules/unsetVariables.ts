import type { ValidationContext } from '../context';
import { capitalize, nodeName } from '../describe';
import { problem, type Problem } from '../problem';
import { variablesRead, variablesWrittenOn } from '../variableAccess';
import { reachableSets } from '../graph/reachableSets';

/**
 * Warns where a variable is read although no path from the start sets it first. For each
 * such variable, the nodes where it may hold a value are those reachable from an output that
 * sets it; all variables without a default are searched together in one pass.
 */
export function unsetVariables(ctx: ValidationContext): Problem[] {
  const withDefault = new Set(ctx.flow.variables.filter((v) => v.default !== undefined).map((v) => v.name));

  const readers = new Map<string, string[]>();
  for (const node of ctx.nodeById.values()) {
    // Unreachable steps get their own warning; guessing about their variables adds only noise.
    if (!ctx.reachable.has(node.id)) continue;
    for (const name of variablesRead(node)) {
      if (withDefault.has(name)) continue;
      const list = readers.get(name);
      if (list) list.push(node.id);
      else readers.set(name, [node.id]);
    }
  }
  if (readers.size === 0) return [];

  const setFrom = new Map<string, string[]>();
  for (const [nodeId, byHandle] of ctx.edgesByOutput) {
    if (!ctx.reachable.has(nodeId)) continue;
    const node = ctx.nodeById.get(nodeId)!;
    for (const [handle, edges] of byHandle) {
      for (const name of variablesWrittenOn(node, handle)) {
        if (!readers.has(name)) continue;
        const seeds = setFrom.get(name);
        const targets = edges.map((e) => e.target);
        if (seeds) seeds.push(...targets);
        else setFrom.set(name, targets);
      }
    }
  }

  const mayBeSetAt = reachableSets(setFrom, ctx.successors);
  const found: Problem[] = [];
  for (const [name, nodeIds] of readers) {
    const setSomewhere = setFrom.has(name);
    for (const nodeId of nodeIds) {
      if (setSomewhere && mayBeSetAt(name, nodeId)) continue;
      const where = capitalize(nodeName(ctx.nodeById.get(nodeId)!, ctx.nodeById));
      const message = setSomewhere
        ? `${where} uses the variable "${name}", but no path from the start sets it before this step and it has no default value. Set it earlier or give it a default.`
        : `${where} uses the variable "${name}", but no step in the flow sets it and it has no default value. Ask for it, set it, or give it a default.`;
      found.push(problem('variable-maybe-unset', message, { nodeId }));
    }
  }
  return found;
}
