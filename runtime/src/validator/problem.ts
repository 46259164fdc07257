import { PROBLEM_CODES, type ProblemCode } from './codes';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  code: ProblemCode;
  /** Written for the person building the flow, naming steps by what they show. */
  message: string;
  nodeId?: string;
  edgeId?: string;
  handle?: string;
}

export type ProblemLocation = Pick<Problem, 'nodeId' | 'edgeId' | 'handle'>;

export function problem(code: ProblemCode, message: string, location: ProblemLocation = {}): Problem {
  const found: Problem = { severity: PROBLEM_CODES[code].severity, code, message };
  if (location.nodeId !== undefined) found.nodeId = location.nodeId;
  if (location.edgeId !== undefined) found.edgeId = location.edgeId;
  if (location.handle !== undefined) found.handle = location.handle;
  return found;
}

/** A flow with errors may be saved but not published. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
