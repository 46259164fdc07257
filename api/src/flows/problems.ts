import type { FlowDocument } from '../../../runtime/src/schema';
import { validateFlow, type Problem } from '../../../runtime/src/validator';
import type { ErrorDetail } from '../http/errors';

export { validateFlow, type Problem };

export function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error');
}

/** Error details point at the node (or edge) to fix, by id so they survive reordering. */
export function problemDetails(problems: readonly Problem[]): ErrorDetail[] {
  return problems.map((p) => ({
    path: p.nodeId !== undefined ? `nodes.${p.nodeId}` : p.edgeId !== undefined ? `edges.${p.edgeId}` : '',
    message: p.message,
  }));
}

export function problemsOf(flow: FlowDocument): Problem[] {
  return validateFlow(flow);
}
