import type { FlowCoverage, FlowTestCase, TestDifference } from '@switchboard/runtime';
import { request } from './http';

/** One case's outcome as `POST /api/flows/:id/tests/run` reports it. */
export interface CaseReport {
  id: string;
  name: string;
  passed: boolean;
  firstDifference?: TestDifference;
  /** firstDifference in words (English, from the server). */
  message?: string;
}

export interface TestRunReport {
  /** The version the tests ran on; null for the draft. */
  version: number | null;
  passed: boolean;
  results: CaseReport[];
  coverage: FlowCoverage;
}

const testsPath = (flowId: string) => `/api/flows/${encodeURIComponent(flowId)}/tests`;

export const tests = {
  async list(flowId: string): Promise<FlowTestCase[]> {
    const { data } = await request<{ tests: FlowTestCase[] }>('GET', testsPath(flowId));
    return data.tests;
  },

  /** Replaces the flow's whole suite (the API stores cases as one list). */
  async save(flowId: string, cases: readonly FlowTestCase[]): Promise<FlowTestCase[]> {
    const { data } = await request<{ tests: FlowTestCase[] }>('PUT', testsPath(flowId), { body: { tests: cases } });
    return data.tests;
  },

  /** Runs the saved suite on the saved draft, or on a published version. */
  async run(flowId: string, version?: number): Promise<TestRunReport> {
    const q = version === undefined ? '' : `?version=${version}`;
    const { data } = await request<TestRunReport>('POST', `${testsPath(flowId)}/run${q}`, { body: {} });
    return data;
  },
};
