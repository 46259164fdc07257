import type { Problem } from '@switchboard/runtime';
import type { contract, ResponseBody } from '../../../api/src/contract';
import type { CaseReport } from './tests';
import { request } from './http';

/** A row of `GET /api/flows/:id/versions`. */
export type VersionSummary = ResponseBody<typeof contract.versions.list, 200>['versions'][number];
export type VersionDetail = ResponseBody<typeof contract.versions.get, 200>;
export type RollbackResult = ResponseBody<typeof contract.versions.rollback, 201>;

/** `draft`, `live` or a version number, as the diff endpoint takes them. */
export type DiffSide = 'draft' | 'live' | number;

/** The diff with what each side resolved to (null when nothing is live) and its counts. */
export type FlowDiffResponse = ResponseBody<typeof contract.flowTests.diff, 200>;

export type PublishResult =
  | { ok: true; version: VersionSummary }
  | { ok: false; code: 'flow_has_errors'; message: string; problems: Problem[] }
  | { ok: false; code: 'tests_failed'; message: string; results: CaseReport[] };

const base = (flowId: string) => `/api/flows/${encodeURIComponent(flowId)}`;

type RefusalBody = ResponseBody<typeof contract.flows.publish, 422>;
type Refusal = { error: RefusalBody['error']; problems?: Problem[]; results?: CaseReport[] };

export const versions = {
  async list(flowId: string): Promise<VersionSummary[]> {
    const { data } = await request<{ versions: VersionSummary[] }>('GET', `${base(flowId)}/versions`);
    return data.versions;
  },

  async get(flowId: string, n: number): Promise<VersionDetail> {
    const { data } = await request<VersionDetail>('GET', `${base(flowId)}/versions/${n}`);
    return data;
  },

  /** Publishes the saved draft. Validator errors and failing tests come back as refusals, not throws. */
  async publish(flowId: string, body: { note: string; overrideNote?: string }): Promise<PublishResult> {
    const res = await request<{ version: VersionSummary } | RefusalBody>('POST', `${base(flowId)}/publish`, { body, accept: [422] });
    if (res.status !== 422) return { ok: true, version: (res.data as { version: VersionSummary }).version };
    // The server's validator is the editor's, so its problem codes are the runtime's.
    const refusal = res.data as Refusal;
    if (refusal.error.code === 'tests_failed') {
      return { ok: false, code: 'tests_failed', message: refusal.error.message, results: refusal.results ?? [] };
    }
    return { ok: false, code: 'flow_has_errors', message: refusal.error.message, problems: refusal.problems ?? [] };
  },

  async unpublish(flowId: string): Promise<void> {
    await request('POST', `${base(flowId)}/unpublish`, { body: {} });
  },

  /**
   * Makes an old version live again under a new number. The server also resets the draft to
   * it; unpublished edits the draft held come back as `savedCopy`, a new flow.
   */
  async rollback(flowId: string, n: number, note?: string): Promise<RollbackResult> {
    const { data } = await request<RollbackResult>('POST', `${base(flowId)}/versions/${n}/rollback`, {
      body: note === undefined ? {} : { note },
    });
    return data;
  },

  async diff(flowId: string, from: DiffSide, to: DiffSide): Promise<FlowDiffResponse> {
    const q = new URLSearchParams({ from: String(from), to: String(to) });
    const { data } = await request<FlowDiffResponse>('GET', `${base(flowId)}/diff?${q}`);
    return data;
  },
};
