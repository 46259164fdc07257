import type { AppDeps } from '../deps';
import { previewKnowledgeRoutes } from '../contract/previewKnowledge';
import { ContractRouter } from '../http/contractRouter';
import { requireRole } from '../auth/requireRole';
import { jsonBody } from '../http/jsonBody';
import { notFound } from '../http/errors';
import { knowledgeRetrieverOf, languageModelOf } from '../appServices';
import { runKnowledgeAnswer } from '../llm/knowledgeStepRunner';

/**
 * The editor preview's "Answer from knowledge": the same retrieval, masking, prompt and check as a
 * chat turn, answered with the trace staff need to debug a flow before publishing.
 */
export function createPreviewKnowledgeRouter(deps: AppDeps): ContractRouter {
  const router = new ContractRouter('/api/flows/:id/preview/knowledge');
  router.on(previewKnowledgeRoutes.previewKnowledge, { before: [requireRole('editor'), ...jsonBody('64kb')] }).reply(async ({ params: { id: flowId }, body }) => {
    if (!(await deps.stores.flows.get(flowId))) throw notFound('Flow');
    const { request } = body;
    const result = await runKnowledgeAnswer(
      { retriever: knowledgeRetrieverOf(deps), model: languageModelOf(deps), logger: deps.logger.child({ preview: true }) },
      {
        question: request.question,
        locale: request.locale,
        maxPassages: request.maxPassages,
        ...(request.tone !== undefined ? { tone: request.tone } : {}),
        ...(request.sourceIds !== undefined ? { sourceIds: request.sourceIds } : {}),
        ...(request.providerId !== undefined ? { providerId: request.providerId } : {}),
      },
      { flowId, nodeId: body.nodeId },
    );
    const trace = {
      passages: result.trace.passages.map((p) => ({ id: p.id, sourceTitle: p.sourceTitle, sourceUrl: p.sourceUrl, text: p.text, score: p.score })),
      sent: result.trace.sent ? result.trace.sent.map((m) => ({ role: m.role, content: m.content })) : null,
      masked: result.trace.masked,
      raw: result.trace.raw,
    };
    if (result.outcome === 'answered') return { status: 200, body: { outcome: 'answered', text: result.text, sources: result.sources, trace } };
    if (result.outcome === 'noAnswer') return { status: 200, body: { outcome: 'noAnswer', reason: result.reason, trace } };
    return { status: 200, body: { outcome: 'error', reason: result.reason, detail: result.detail, trace } };
  });
  return router;
}
