import type { ValidationContext } from '../context';
import { nodeName, optionLabel } from '../describe';
import { problem, type Problem } from '../problem';
import { normalize } from '../../text/normalize';

/** Customers may type an option instead of clicking it, so labels must differ as typed text. */
export function duplicateLabels(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const node of ctx.nodeById.values()) {
    if (node.type !== 'choice') continue;
    const seen = new Map<string, string>();
    for (const option of node.data.options) {
      const key = normalize(option.label);
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, option.label);
        continue;
      }
      const message =
        key === ''
          ? `In ${nodeName(node)}, more than one option has no readable label. Give each option a different label.`
          : `In ${nodeName(node)}, the options ${optionLabel(earlier)} and ${optionLabel(option.label)} read the same to a customer typing them. Give each option a different label.`;
      found.push(problem('duplicate-label', message, { nodeId: node.id, handle: option.id }));
    }
  }
  return found;
}
