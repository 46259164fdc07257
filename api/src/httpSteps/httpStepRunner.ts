import type { Logger } from 'pino';
import type { PreparedRequest } from '../../../runtime/src/http';
import type { HttpStepOutcome, HttpStepRunner } from '../../../runtime/src/server/chat/httpSteps';
import type { OutboundClient, OutboundResult } from '../outbound';
import { MissingSecretsError, redactSecrets, resolveRequest, SecretHostError, type SecretVault } from '../secrets';

export type RequestOutcome = {
  outcome: HttpStepOutcome;
  result: OutboundResult | null;
  /** Why a secret was refused for this request, for the editor's preview (names and hosts only). */
  refusal?: string;
};

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
    if (err instanceof SecretHostError) {
      logger.warn({ secret: err.secret, host: err.host, allowedHosts: err.hosts }, 'HTTP request step refused: a secret is not allowed to go to this host');
      return { outcome: { ok: false, errorKind: 'secretNotAllowed' }, result: null, refusal: err.message };
    }
    logger.error({ err }, 'HTTP request step could not read its secrets');
    return { outcome: { ok: false, errorKind: 'secretUnavailable' }, result: null };
  }
  const result = await client.send(resolved);
  // The answer may echo a credential (an echo service, a debug endpoint); whatever a flow maps
  // into variables, and whatever the preview shows, has every form of it blanked out.
  const outcome: HttpStepOutcome = result.ok
    ? { ok: true, status: result.status, json: redactSecrets(result.json, resolved.redact ?? []) }
    : { ok: false, errorKind: result.kind, ...(result.status !== undefined ? { status: result.status } : {}) };
  return { outcome, result };
}

export function httpStepRunner(vault: SecretVault, client: OutboundClient, logger: Logger): HttpStepRunner {
  return async (request, meta) => (await sendPrepared(request, vault, client, logger.child({ flowId: meta.flowId, flowVersion: meta.flowVersion, nodeId: meta.nodeId }))).outcome;
}
