import type { AppDeps } from '../deps';
import { nluRoutes } from '../contract/nlu';
import { ContractRouter } from '../http/contractRouter';
import { requireRole } from '../auth/requireRole';
import { jsonBody } from '../http/jsonBody';
import { HttpError, notFound } from '../http/errors';
import { extractMappings, prepareRequest } from '../../../runtime/src/http';
import { isHttpUrlTemplate } from '../../../runtime/src/validator/rules/httpRequests';
import { outboundOf, vaultOf } from '../appServices';
import { sendPrepared } from '../httpSteps/httpStepRunner';

/**
 * Tries an HTTP-request step of the saved draft from the editor: the same preparation, secret
 * filling and SSRF-guarded client as a chat turn. The answer shows the request with secrets
 * still as placeholders, never their values.
 */
export function createPreviewHttpRouter(deps: AppDeps): ContractRouter {
  const router = new ContractRouter('/api/flows/:id/preview/http');
  router.on(nluRoutes.previewHttp, { before: [requireRole('editor'), ...jsonBody('64kb')] }).reply(async ({ params: { id: flowId }, body }) => {
    const stored = await deps.stores.flows.get(flowId);
    if (!stored) throw notFound('Flow');
    const node = stored.flow.nodes.find((n) => n.id === body.nodeId);
    if (!node || node.type !== 'httpRequest') {
      throw new HttpError(400, 'invalid_request', 'No HTTP request step with this id in the saved draft', [
        { path: 'nodeId', message: 'is not an HTTP request step of this flow' },
      ]);
    }
    if (!isHttpUrlTemplate(node.data.url)) {
      throw new HttpError(400, 'invalid_request', 'The step has no valid http(s) address', [{ path: 'nodeId', message: 'has no valid address' }]);
    }
    const vault = vaultOf(deps);
    const request = prepareRequest(node.data, body.variables, await vault.names());
    const { outcome, result, refusal } = await sendPrepared(request, vault, outboundOf(deps), deps.logger.child({ flowId, nodeId: node.id, preview: true }));
    const shown = { method: request.method, url: request.url, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) };
    if (!outcome.ok) {
      return {
        status: 200,
        body: {
          request: shown,
          ok: false,
          errorKind: outcome.errorKind,
          ...(outcome.status !== undefined ? { status: outcome.status } : {}),
          ...(request.missingSecrets.length > 0 ? { missingSecrets: request.missingSecrets } : {}),
          ...(refusal !== undefined ? { detail: refusal } : {}),
          durationMs: result?.durationMs ?? 0,
        },
      };
    }
    const mapped = extractMappings(outcome.json, node.data.responseMapping);
    return {
      status: 200,
      body: {
        request: shown,
        ok: true,
        status: outcome.status,
        json: outcome.json,
        variables: { ...mapped.values },
        missing: mapped.missing,
        durationMs: result?.durationMs ?? 0,
      },
    };
  });
  return router;
}
