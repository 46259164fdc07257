import type { FlowDocument } from '../schema/flow';
import type { EngineContext, StepResult } from './types';
import { indexOf } from './flowIndex';
import { beginTurn, emit } from './turn';
import { finish } from './finish';
import { newSession, type StartInit } from './session';
import { runFromStart } from './run';

/** Opens a conversation: a new session, run from the start node until it first waits or ends. */
export function start(flow: FlowDocument, ctx: EngineContext, init: StartInit): StepResult {
  const now = ctx.now();
  const turn = beginTurn(flow, indexOf(flow), ctx, newSession(flow, init, now), now, true);
  turn.session.turn = 1;
  emit(turn, 'sessionStarted', null, { flowId: flow.id, flowVersion: init.flowVersion });
  runFromStart(turn);
  return finish(turn);
}
