import type { Logger } from 'pino';
import type { PreparedRequest } from '../../../runtime/src/http';
import type { HttpStepOutcome, HttpStepRunner } from '../../../runtime/src/server/chat/httpSteps';
import type { OutboundClient, OutboundResult } from '../outbound';
import { MissingSecretsError, resolveRequest, type SecretVault } from '../secrets';

export type RequestOutcome = { outcome: HttpStepOutcome; result: OutboundResult | null };

/**
 * Fills a prepared request's secrets and sends it through the SSRF-guarded client. Shared by
 * chat turns and the editor's preview, so both obey the same rules. Never throws.
 */
export async function sendPrepared(prepared: PreparedRequest, vault: SecretVault, client: OutboundClient, logger: Logger): Promise<RequestOutcome> {
  let resolved;
  try {
    resolved = await resolveRequest(prepared, vault);
  } catch (err) {
    if (err instanceof MissingSecretsError) {
      logger.warn({ missingSecrets: err.names }, 'HTTP request step refers to secrets that do not exist');
      return { outcome: { ok: false, errorKind: 'missingSecret' }, result: null };
    }
    logger.error({ err }, 'HTTP request step could not read its secrets');
    return { outcome: { ok: false, errorKind: 'secretUnavailable' }, result: null };
  }
  const result = await client.send(resolved);
  const outcome: HttpStepOutcome = result.ok
    ? { ok: true, status: result.status, json: result.json }
    : { ok: false, errorKind: result.kind, ...(result.status !== undefined ? { status: result.status } : {}) };
  return { outcome, result };
}

export function httpStepRunner(vault: SecretVault, client: OutboundClient, logger: Logger): HttpStepRunner {
  return async (request, meta) => (await sendPrepared(request, vault, client, logger.child({ flowId: meta.flowId, flowVersion: meta.flowVersion, nodeId: meta.nodeId }))).outcome;
}
