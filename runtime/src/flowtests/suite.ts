import type { FlowDocument } from '../schema/flow';
import type { FlowTestCase } from './schema';
import { runTestCase, type TestRunResult } from './run';
import { flowCoverage, type FlowCoverage } from './coverage';

export interface SuiteResult {
  passed: boolean;
  results: (TestRunResult & { id: string; name: string })[];
  coverage: FlowCoverage;
}

/** Runs all of a flow's test cases: what "Run tests", publishing and the API call. */
export function runTestSuite(flow: FlowDocument, cases: readonly FlowTestCase[]): SuiteResult {
  const results = cases.map((c) => ({ id: c.id, name: c.name, ...runTestCase(flow, c) }));
  return {
    passed: results.every((r) => r.passed),
    results,
    coverage: flowCoverage(
      flow,
      results.map((r) => r.visited),
    ),
  };
}
