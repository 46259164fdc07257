import type { PreparedRequest } from '../../http/types';
import type { EngineInput, StepResult } from '../../engine/types';

/** What the host learned from one HTTP-request step; `errorKind` is a code, never a server's detail. */
export type HttpStepOutcome = { ok: true; status: number; json: unknown } | { ok: false; errorKind: string; status?: number };

export interface HttpStepMeta {
  flowId: string;
  flowVersion: number;
  sessionId: string;
  nodeId: string;
}

/** Fills the request's secrets and sends it; must not throw (a failure is an outcome). */
export type HttpStepRunner = (request: PreparedRequest, meta: HttpStepMeta) => Promise<HttpStepOutcome>;

/** Requests one customer turn may make, so a flow looping through requests cannot hold the turn forever. */
export const MAX_HTTP_STEPS_PER_TURN = 10;

/**
 * Carries out the `http` effects of a step right away, stepping the engine with each outcome,
 * so the customer gets the continuation in the same response. Returns one result covering all
 * steps: every output and effect in order, the last session and input.
 */
export async function settleHttpSteps(
  first: StepResult,
  next: (input: EngineInput) => StepResult,
  run: HttpStepRunner | undefined,
  meta: Omit<HttpStepMeta, 'nodeId'>,
): Promise<StepResult> {
  let merged = first;
  for (let calls = 0; ; calls++) {
    const effect = merged.session.wait?.kind === 'http' ? merged.effects.findLast((e) => e.type === 'http') : undefined;
    if (!effect || effect.type !== 'http') return merged;
    const outcome: HttpStepOutcome =
      calls >= MAX_HTTP_STEPS_PER_TURN
        ? { ok: false, errorKind: 'tooManyRequests' }
        : run
          ? await run(effect.request, { ...meta, nodeId: effect.nodeId })
          : { ok: false, errorKind: 'unavailable' };
    const input: EngineInput = outcome.ok
      ? { type: 'httpResult', nodeId: effect.nodeId, ok: true, status: outcome.status, json: outcome.json }
      : { type: 'httpResult', nodeId: effect.nodeId, ok: false, errorKind: outcome.errorKind, ...(outcome.status !== undefined ? { status: outcome.status } : {}) };
    const result = next(input);
    merged = {
      session: result.session,
      input: result.input,
      outputs: [...merged.outputs, ...result.outputs],
      // The answered request is dropped so that only an unanswered one is left for the next round.
      effects: [...merged.effects.filter((e) => e !== effect), ...result.effects],
    };
    // Past the cap the error branch has been taken once; a further request stays parked.
    if (calls >= MAX_HTTP_STEPS_PER_TURN) return merged;
  }
}
