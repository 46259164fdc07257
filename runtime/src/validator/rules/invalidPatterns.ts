import type { ValidationContext } from '../context';
import { capitalize, nodeName, outputSubject } from '../describe';
import { patternError, patternUnsupported, withoutPlaceholders } from '../pattern';
import { problem, type Problem, type ProblemLocation } from '../problem';

/** One problem for a pattern that is not valid, or that the linear-time engine cannot run. */
function patternProblem(source: string, subject: string, location: ProblemLocation): Problem | null {
  const reason = patternError(source);
  if (reason !== null) return problem('invalid-pattern', `${subject} is not a valid regular expression (${reason}).`, location);
  const unsupported = patternUnsupported(source);
  if (unsupported === null) return null;
  return problem(
    'unsupported-pattern',
    `${subject} uses lookaround or a back-reference, which Switchboard cannot check safely (${unsupported}); it is skipped when the bot runs.`,
    location,
  );
}

export function invalidPatterns(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const node of ctx.nodeById.values()) {
    if (node.type === 'question' && node.data.pattern !== undefined && node.data.pattern !== '') {
      const p = patternProblem(node.data.pattern, `The answer pattern of ${nodeName(node)}`, { nodeId: node.id });
      if (p) found.push(p);
    }
    if (node.type === 'condition') {
      for (const branch of node.data.branches) {
        for (const rule of branch.rules) {
          if (rule.op !== 'matches' || typeof rule.value !== 'string') continue;
          const subject = `${capitalize(outputSubject(node, branch.id))} checks "${rule.variable}" against a pattern that`;
          const p = patternProblem(withoutPlaceholders(rule.value), subject, { nodeId: node.id, handle: branch.id });
          if (p) found.push(p);
        }
      }
    }
  }
  return found;
}
