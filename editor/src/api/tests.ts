import type { FlowTestCase } from '@switchboard/runtime';
import type { contract, ResponseBody } from '../../../api/src/contract';
import { request } from './http';

/** What `POST /api/flows/:id/tests/run` reports: each case's outcome and the coverage. */
export type TestRunReport = ResponseBody<typeof contract.flowTests.run, 200>;
export type CaseReport = TestRunReport['results'][number];

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
