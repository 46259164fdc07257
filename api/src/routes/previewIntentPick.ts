import type { AppDeps } from '../deps';
import { previewIntentPickRoutes } from '../contract/previewIntentPick';
import { ContractRouter } from '../http/contractRouter';
import { requireRole } from '../auth/requireRole';
import { jsonBody } from '../http/jsonBody';
import { notFound } from '../http/errors';
import { languageModelOf } from '../appServices';
import { runIntentPick } from '../llm/intentPickRunner';

/** The editor preview's intent tie-break: the same masking, prompt and strict reading as a chat turn, with the trace. */
export function createPreviewIntentPickRouter(deps: AppDeps): ContractRouter {
  const router = new ContractRouter('/api/flows/:id/preview/intent-pick');
  router.on(previewIntentPickRoutes.previewIntentPick, { before: [requireRole('editor'), ...jsonBody('256kb')] }).reply(async ({ params: { id: flowId }, body }) => {
    if (!(await deps.stores.flows.get(flowId))) throw notFound('Flow');
    const result = await runIntentPick({ model: languageModelOf(deps), logger: deps.logger.child({ preview: true }) }, body.request, { flowId, nodeId: body.nodeId });
    const trace = { sent: result.trace.sent.map((m) => ({ role: m.role, content: m.content })), masked: result.trace.masked, raw: result.trace.raw };
    return { status: 200, body: { pick: result.pick, ...(result.pick === null && result.reason ? { reason: result.reason } : {}), trace } };
  });
  return router;
}
