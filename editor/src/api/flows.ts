import type { FlowDocument, IntentPickRequest, KnowledgeStepRequest } from '@switchboard/runtime';
import type { contract, ResponseBody } from '../../../api/src/contract';
import { request } from './http';
import type { CreateFlowInput, FlowDetail, FlowSummary, Problem, SaveConflict, SaveFlowResult } from './types';

/** The document's fields with the draft's bookkeeping beside them, as the API sends a flow. */
type FlowResponse = ResponseBody<typeof contract.flows.get, 200>;
type PreviewHttpResult = ResponseBody<typeof contract.nlu.previewHttp, 200>;
export type PreviewKnowledgeResult = ResponseBody<typeof contract.previewKnowledge.previewKnowledge, 200>;
export type PreviewIntentPickResult = ResponseBody<typeof contract.previewIntentPick.previewIntentPick, 200>;

const flowPath = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

/** The API answers with one flat object; callers want the document apart so it can be saved back unchanged. */
export function splitFlowResponse(body: FlowResponse): FlowDetail {
  const { revision, updatedAt, updatedBy, publishedVersion, hasUnpublishedChanges, problems, ...flow } = body;
  return {
    flow: flow as FlowDocument,
    revision,
    updatedAt,
    updatedBy: updatedBy ?? null,
    publishedVersion: publishedVersion ?? null,
    hasUnpublishedChanges: Boolean(hasUnpublishedChanges),
    // The server runs the same validator as the editor, so its codes are the runtime's.
    problems: (problems ?? []) as Problem[],
  };
}

export const flows = {
  async list(): Promise<FlowSummary[]> {
    const { data } = await request<{ flows: FlowSummary[] }>('GET', '/api/flows');
    return data.flows;
  },

  async get(id: string): Promise<FlowDetail> {
    const { data } = await request<FlowResponse>('GET', flowPath(id));
    return splitFlowResponse(data);
  },

  /** Saves only if `revision` is still the server's; a stale save comes back as a conflict, never overwriting. */
  async save(id: string, flow: FlowDocument, revision: number): Promise<SaveFlowResult> {
    const res = await request<FlowResponse | { current: SaveConflict }>(
      'PUT',
      flowPath(id),
      { body: { flow, revision }, headers: { 'If-Match': String(revision) }, accept: [409] },
    );
    if (res.status === 409) {
      const { current } = res.data as { current: SaveConflict };
      return { ok: false, conflict: { revision: current.revision, updatedAt: current.updatedAt, updatedBy: current.updatedBy ?? null } };
    }
    const saved = splitFlowResponse(res.data as FlowResponse);
    return { ok: true, revision: saved.revision, updatedAt: saved.updatedAt, problems: saved.problems };
  },

  async create(input: CreateFlowInput): Promise<FlowDetail> {
    const { data } = await request<FlowResponse>('POST', '/api/flows', { body: input });
    return splitFlowResponse(data);
  },

  async remove(id: string): Promise<void> {
    await request<void>('DELETE', flowPath(id));
  },

  /** A same-origin URL the browser downloads as `<slug>.json` (the server sets Content-Disposition). */
  exportUrl(id: string): string {
    return `${flowPath(id)}/export`;
  },

  /**
   * Runs an HTTP-request step of the saved draft on the server, with production's address
   * checks and secrets; the preview then continues with the outcome.
   */
  async previewHttp(id: string, nodeId: string, variables: Record<string, unknown>): Promise<{ ok: boolean; status?: number; json?: unknown; errorKind?: string }> {
    const { data } = await request<PreviewHttpResult>('POST', `${flowPath(id)}/preview/http`, {
      body: { nodeId, variables },
    });
    return data;
  },

  /** Runs an "Answer from knowledge" step on the server for the preview, with the retrieved passages, the text sent and the raw answer. */
  async previewKnowledge(id: string, nodeId: string, knowledgeRequest: KnowledgeStepRequest): Promise<PreviewKnowledgeResult> {
    const { data } = await request<PreviewKnowledgeResult>('POST', `${flowPath(id)}/preview/knowledge`, {
      body: { nodeId, request: knowledgeRequest },
    });
    return data;
  },

  /** Asks the organisation's language model to pick an intent for an unsure intent step in the preview, with the text sent and the raw reply. */
  async previewIntentPick(id: string, nodeId: string, pickRequest: IntentPickRequest): Promise<PreviewIntentPickResult> {
    const { data } = await request<PreviewIntentPickResult>('POST', `${flowPath(id)}/preview/intent-pick`, {
      body: { nodeId, request: pickRequest },
    });
    return data;
  },

  /** Validates `flow` (or the saved draft when omitted) with the server's validator. */
  async validate(id: string, flow?: FlowDocument): Promise<Problem[]> {
    const { data } = await request<ResponseBody<typeof contract.flows.validate, 200>>('POST', `${flowPath(id)}/validate`, { body: flow ?? {} });
    return data.problems as Problem[];
  },
};
