import type { ValidationContext } from '../context';
import { problem, type Problem } from '../problem';

export function startCount(ctx: ValidationContext): Problem[] {
  const { starts } = ctx;
  if (starts.length === 0) {
    return [problem('missing-start', 'The flow has no start. Add a start step so conversations know where to begin.')];
  }
  // The first start is the one the engine runs; every other one is the mistake to point at.
  return starts
    .slice(1)
    .map((start) =>
      problem(
        'multiple-starts',
        `The flow has ${starts.length} start steps but needs exactly one. Remove the extra start.`,
        { nodeId: start.id },
      ),
    );
}
