import type { FlowDocument, FlowDiff, DiffSummary, Problem } from '@switchboard/runtime';
import type { CaseReport } from './tests';
import { request } from './http';
import type { UserRef } from './types';

/** A row of `GET /api/flows/:id/versions`. */
export interface RollbackResult {
  version: VersionSummary;
  draft: { revision: number };
  savedCopy: { id: string; name: string } | null;
}

export interface VersionSummary {
  number: number;
  note: string;
  publishedAt: string;
  publishedBy: UserRef | null;
  live: boolean;
  /** Present when the version went live despite failing flow tests. */
  overrideNote?: string;
  /** Conversations still running on this version, when the server reports it. */
  runningConversations?: number;
}

export interface VersionDetail extends VersionSummary {
  flow: FlowDocument;
}

/** `draft`, `live` or a version number, as the diff endpoint takes them. */
export type DiffSide = 'draft' | 'live' | number;

export interface FlowDiffResponse extends FlowDiff {
  /** What each side resolved to; null when nothing is live. */
  from: 'draft' | number | null;
  to: 'draft' | number | null;
  summary: DiffSummary;
}

export type PublishResult =
  | { ok: true; version: VersionSummary }
  | { ok: false; code: 'flow_has_errors'; message: string; problems: Problem[] }
  | { ok: false; code: 'tests_failed'; message: string; results: CaseReport[] };

const base = (flowId: string) => `/api/flows/${encodeURIComponent(flowId)}`;

interface RefusalBody {
  error: { code: string; message: string };
  problems?: Problem[];
  results?: CaseReport[];
}

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
    const refusal = res.data as RefusalBody;
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
