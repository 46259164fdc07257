import { create } from 'zustand';
import {
  runTestSuite,
  type FlowDocument,
  type FlowTestCase,
  type TestDifference,
} from '@switchboard/runtime';
import { api, type TestRunReport } from '../../api';
import { usePreviewStore } from '../preview/previewStore';
import { coverageMarks } from './coverageMarks';

/** One case's outcome on the draft in the editor (run in the browser). */
export interface CaseOutcome {
  id: string;
  name: string;
  passed: boolean;
  firstDifference?: TestDifference;
}

export interface TestsState {
  flowId: string | null;
  cases: FlowTestCase[];
  status: 'idle' | 'loading' | 'ready' | 'failed';
  /** The last in-browser run, on the unsaved draft. */
  outcomes: CaseOutcome[] | null;
  /** The last server run, on the saved draft: what CI and publishing see. */
  serverReport: TestRunReport | null;
  serverError: string | null;
  load(flowId: string): Promise<void>;
  add(flowId: string, testCase: FlowTestCase): Promise<void>;
  remove(flowId: string, id: string): Promise<void>;
  /** Runs every case on `flow` at once and updates coverage on the canvas. */
  runLocal(flow: FlowDocument): CaseOutcome[];
  runServer(flowId: string): Promise<void>;
}

export const useTestsStore = create<TestsState>()((set, get) => ({
  flowId: null,
  cases: [],
  status: 'idle',
  outcomes: null,
  serverReport: null,
  serverError: null,

  async load(flowId) {
    set({ flowId, status: 'loading', outcomes: null, serverReport: null, serverError: null });
    try {
      const cases = await api.tests.list(flowId);
      if (get().flowId === flowId) set({ cases, status: 'ready' });
    } catch {
      if (get().flowId === flowId) set({ status: 'failed' });
    }
  },

  async add(flowId, testCase) {
    // Read the suite fresh: someone (or CI) may have changed it since it was loaded here.
    const current = await api.tests.list(flowId);
    const cases = await api.tests.save(flowId, [...current, testCase]);
    set({ flowId, cases, status: 'ready', outcomes: null });
  },

  async remove(flowId, id) {
    const current = await api.tests.list(flowId);
    const cases = await api.tests.save(flowId, current.filter((c) => c.id !== id));
    set({ cases, outcomes: get().outcomes?.filter((o) => o.id !== id) ?? null });
  },

  runLocal(flow) {
    const suite = runTestSuite(flow, get().cases);
    const outcomes = suite.results.map((r) => ({
      id: r.id,
      name: r.name,
      passed: r.passed,
      ...(r.firstDifference ? { firstDifference: r.firstDifference } : {}),
    }));
    set({ outcomes });
    usePreviewStore.getState().setCoverage(coverageMarks(flow, suite.coverage));
    return outcomes;
  },

  async runServer(flowId) {
    set({ serverError: null });
    try {
      set({ serverReport: await api.tests.run(flowId) });
    } catch (e) {
      set({ serverError: e instanceof Error ? e.message : String(e) });
    }
  },
}));
