import type { FlowDocument } from '../../../runtime/src/schema';
import { runTestSuite, type FlowCoverage, type FlowTestCase, type TestDifference } from '../../../runtime/src/flowtests';
import type { ErrorDetail } from '../http/errors';

const quote = (text: string) => JSON.stringify(text);

/** The first difference in words, for CI logs and the publish refusal. Steps count from 1. */
export function describeDifference(d: TestDifference): string {
  const at = `Step ${d.step + 1}`;
  switch (d.kind) {
    case 'text':
      return `${at}, message ${d.index + 1}: expected ${quote(d.expected)} but the bot said ${quote(d.actual)}`;
    case 'missing':
      return `${at}, message ${d.index + 1}: expected ${quote(d.expected)} but the bot said nothing more`;
    case 'extra':
      return `${at}, message ${d.index + 1}: the bot also said ${quote(d.actual)}, which the test does not expect`;
    case 'status':
      return `At the end: expected the conversation to be ${d.expected} but it is ${d.actual}`;
    case 'variable':
      return `At the end: expected ${d.variable} to be ${JSON.stringify(d.expected)} but it is ${JSON.stringify(d.actual)}`;
    case 'error':
      return `${at}: the flow could not run: ${d.actual}`;
  }
}

export interface CaseReport {
  id: string;
  name: string;
  passed: boolean;
  firstDifference?: TestDifference;
  /** firstDifference in words. */
  message?: string;
}

export interface TestReport {
  passed: boolean;
  results: CaseReport[];
  coverage: FlowCoverage;
}

/** Runs a flow's tests and keeps what a client shows; transcripts and sessions stay on the server. */
export function testReport(flow: FlowDocument, tests: readonly FlowTestCase[]): TestReport {
  const suite = runTestSuite(flow, tests);
  return {
    passed: suite.passed,
    results: suite.results.map((r) => ({
      id: r.id,
      name: r.name,
      passed: r.passed,
      ...(r.firstDifference ? { firstDifference: r.firstDifference, message: describeDifference(r.firstDifference) } : {}),
    })),
    coverage: suite.coverage,
  };
}

export function failureDetails(report: TestReport): ErrorDetail[] {
  return report.results.filter((r) => !r.passed).map((r) => ({ path: `tests.${r.id}`, message: `${r.name}: ${r.message ?? 'failed'}` }));
}
