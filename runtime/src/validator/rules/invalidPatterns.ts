import type { ValidationContext } from '../context';
import { capitalize, nodeName, outputSubject } from '../describe';
import { patternError } from '../pattern';
import { problem, type Problem } from '../problem';

export function invalidPatterns(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const node of ctx.nodeById.values()) {
    if (node.type === 'question' && node.data.pattern !== undefined) {
      const reason = patternError(node.data.pattern);
      if (reason !== null) {
        found.push(
          problem(
            'invalid-pattern',
            `The answer pattern of ${nodeName(node)} is not a valid regular expression (${reason}).`,
            { nodeId: node.id },
          ),
        );
      }
    }
    if (node.type === 'condition') {
      for (const branch of node.data.branches) {
        for (const rule of branch.rules) {
          if (rule.op !== 'matches' || typeof rule.value !== 'string') continue;
          const reason = patternError(rule.value);
          if (reason === null) continue;
          found.push(
            problem(
              'invalid-pattern',
              `${capitalize(outputSubject(node, branch.id))} checks "${rule.variable}" against a pattern that is not a valid regular expression (${reason}).`,
              { nodeId: node.id, handle: branch.id },
            ),
          );
        }
      }
    }
  }
  return found;
}
