import type { ValidationContext } from '../context';
import { quote } from '../describe';
import { problem, type Problem } from '../problem';

export function jumpTargets(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const node of ctx.nodeById.values()) {
    if (node.type !== 'jump' || ctx.nodeById.has(node.data.target)) continue;
    const message = node.data.target.trim()
      ? `A jump leads to a step that no longer exists (${quote(node.data.target)}). Choose where it should continue.`
      : 'A jump has no step chosen to continue at. Choose where it should continue.';
    found.push(problem('jump-missing-target', message, { nodeId: node.id }));
  }
  return found;
}
