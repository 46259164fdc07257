import type { FlowDocument } from '../schema/flow';
import type { EngineContext, StepResult } from './types';
import { indexOf } from './flowIndex';
import { beginTurn, emit } from './turn';
import { finish } from './finish';
import { newSession, type StartInit } from './session';
import { runFrom } from './run';

/**
 * Opens a conversation at `nodeId` instead of the start node: the editor's "preview from the
 * selected step", so an author can try a deep branch without clicking through to it. Variables
 * hold their defaults (plus `init.variables`), as if the conversation had just begun.
 */
export function startAt(flow: FlowDocument, nodeId: string, ctx: EngineContext, init: StartInit): StepResult {
  const now = ctx.now();
  const turn = beginTurn(flow, indexOf(flow), ctx, newSession(flow, init, now), now, true);
  turn.session.turn = 1;
  emit(turn, 'sessionStarted', null, { flowId: flow.id, flowVersion: init.flowVersion, startNodeId: nodeId });
  runFrom(turn, nodeId);
  return finish(turn);
}
