import type { Problem } from '../store';

/** Errors before warnings; otherwise the validator's order, which follows the flow. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.severity === b.p.severity ? a.i - b.i : a.p.severity === 'error' ? -1 : 1))
    .map(({ p }) => p);
}

export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}
