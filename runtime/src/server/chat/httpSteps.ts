import type { PreparedRequest } from '../../http/types';
import type { EngineInput, StepResult } from '../../engine/types';
import type { KnowledgeStepRunner } from './knowledgeSteps';
import type { IntentPickOutcome, IntentPickRunner } from './intentPickSteps';

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
 * Wall-clock time all of one turn's requests may take together. Each step has its own timeout
 * (up to 30 s), so a chain of slow steps used to hold the customer's message for minutes.
 */
export const HTTP_TURN_BUDGET_MS = 20_000;
// Past the caps every further request is answered with an error at once; a flow whose error
// branches lead to yet more requests is given this many more before the conversation is ended.
const EXTRA_ERROR_ANSWERS = MAX_HTTP_STEPS_PER_TURN;

export interface SettleOptions {
  budgetMs?: number;
  /** The host's clock; the budget is measured with it. */
  now?: () => number;
  /** Answers "Answer from knowledge" steps; without it each takes its `error` output (`notConfigured`). */
  knowledge?: KnowledgeStepRunner;
  /** Asks the model to pick for unsure intent steps; without it each takes its `fallback` (`notConfigured`). */
  intentPick?: IntentPickRunner;
  /** Where a streaming answer's draft goes (the customer's live channel), by step. */
  onDraft?: (nodeId: string, text: string | null) => void;
}

/** The runner's outcome, or `late` once the remaining budget runs out (the request is then ignored). */
async function withinBudget<T>(pending: Promise<T>, remainingMs: number, late: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late), remainingMs);
  });
  try {
    return await Promise.race([pending, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** `merged` followed by `result`, without the request `answered` answered. */
function appended(merged: StepResult, result: StepResult, answered: unknown): StepResult {
  return {
    session: result.session,
    input: result.input,
    outputs: [...merged.outputs, ...result.outputs],
    // The answered request is dropped so that only an unanswered one is left for the next round.
    effects: [...merged.effects.filter((e) => e !== answered), ...result.effects],
  };
}

/**
 * Carries out the `http` (and `knowledge`) effects of a step right away, stepping the engine with each outcome,
 * so the customer gets the continuation in the same response. Returns one result covering all
 * steps: every output and effect in order, the last session and input. The turn never ends
 * parked on a request: past the step cap or the time budget each request takes its error
 * output, and a flow that keeps requesting even then is closed, so the customer is always left
 * with an input or an end.
 */
export async function settleHttpSteps(
  first: StepResult,
  next: (input: EngineInput) => StepResult,
  run: HttpStepRunner | undefined,
  meta: Omit<HttpStepMeta, 'nodeId'>,
  options: SettleOptions = {},
): Promise<StepResult> {
  const now = options.now ?? Date.now;
  const deadline = now() + (options.budgetMs ?? HTTP_TURN_BUDGET_MS);
  let merged = first;
  for (let calls = 0; ; calls++) {
    const waitKind = merged.session.status === 'waiting' ? merged.session.wait?.kind : undefined;
    const effect = waitKind === undefined ? undefined : merged.effects.findLast((e) => e.type === waitKind);
    if (!effect || (effect.type !== 'http' && effect.type !== 'knowledge' && effect.type !== 'intentPick')) return merged;
    if (calls >= MAX_HTTP_STEPS_PER_TURN + EXTRA_ERROR_ANSWERS) {
      merged = appended(merged, next({ type: 'close' }), effect);
      return merged;
    }
    if (effect.type === 'knowledge') {
      // Not held to the turn's HTTP budget: the provider's own timeout (at most 120 s) bounds it,
      // and the customer watches the answer stream in meanwhile.
      const onDraft = options.onDraft;
      const outcome =
        calls >= MAX_HTTP_STEPS_PER_TURN
          ? ({ outcome: 'error', reason: 'tooManyRequests' } as const)
          : options.knowledge
            ? await options.knowledge(effect.request, { ...meta, nodeId: effect.nodeId, ...(onDraft ? { onDraft: (text: string | null) => onDraft(effect.nodeId, text) } : {}) })
            : ({ outcome: 'error', reason: 'notConfigured' } as const);
      merged = appended(merged, next({ type: 'knowledgeResult', nodeId: effect.nodeId, ...outcome }), effect);
      continue;
    }
    if (effect.type === 'intentPick') {
      // Held to the step's own budget (seconds), not the turn's: the runner's timeout is
      // the same, this is the backstop should a runner overrun it.
      const pickRunner = options.intentPick;
      const outcome: IntentPickOutcome =
        calls >= MAX_HTTP_STEPS_PER_TURN
          ? { pick: null, reason: 'tooManyRequests' }
          : pickRunner
            ? await withinBudget(pickRunner(effect.request, { ...meta, nodeId: effect.nodeId }), effect.request.timeoutMs + 250, { pick: null, reason: 'timeout' })
            : { pick: null, reason: 'notConfigured' };
      merged = appended(merged, next({ type: 'intentPickResult', nodeId: effect.nodeId, ...outcome }), effect);
      continue;
    }
    const remaining = deadline - now();
    const outcome: HttpStepOutcome =
      calls >= MAX_HTTP_STEPS_PER_TURN
        ? { ok: false, errorKind: 'tooManyRequests' }
        : remaining <= 0
          ? { ok: false, errorKind: 'timeout' }
          : run
            ? await withinBudget(run(effect.request, { ...meta, nodeId: effect.nodeId }), remaining, { ok: false, errorKind: 'timeout' })
            : { ok: false, errorKind: 'unavailable' };
    const input: EngineInput = outcome.ok
      ? { type: 'httpResult', nodeId: effect.nodeId, ok: true, status: outcome.status, json: outcome.json }
      : { type: 'httpResult', nodeId: effect.nodeId, ok: false, errorKind: outcome.errorKind, ...(outcome.status !== undefined ? { status: outcome.status } : {}) };
    merged = appended(merged, next(input), effect);
  }
}
