import type { HttpRequestNode } from '../../schema/nodes/httpRequest';
import type { VariableValue } from '../../schema/common';
import { prepareRequest } from '../../http/prepareRequest';
import { secretReferences } from '../../http/secretRef';
import { extractMappings } from '../../http/extractMappings';
import type { EngineInput } from '../types';
import type { Turn } from '../turn';
import { clearWait, emit, sayFallback, setVariable } from '../turn';
import { follow } from '../follow';
import { targetOf } from '../flowIndex';

type HttpResult = Extract<EngineInput, { type: 'httpResult' }>;

/** Declared defaults under the session's values, as templates read them. */
function requestVariables(turn: Turn): Record<string, VariableValue> {
  const merged: Record<string, VariableValue> = Object.create(null);
  for (const [name, def] of turn.index.variables) if (def.default !== undefined) merged[name] = def.default;
  for (const [name, value] of Object.entries(turn.session.variables)) {
    if (value !== null || !(name in merged)) merged[name] = value;
  }
  return merged;
}

/**
 * Asks the host to send the request and parks the session until its `httpResult`. Secrets stay
 * placeholders, so neither the session, the effect nor any event ever holds a secret's value.
 */
export function enterHttpRequest(turn: Turn, node: HttpRequestNode): null {
  const { data } = node;
  // Without the host's list every reference counts as known; the host re-checks when filling.
  const known = turn.ctx.secretNames ?? [data.url, data.body ?? '', ...data.headers.map((h) => h.value)].flatMap(secretReferences);
  const request = prepareRequest(data, requestVariables(turn), known);
  turn.effects.push({ type: 'http', nodeId: node.id, request });
  turn.session.wait = { kind: 'http' };
  turn.session.status = 'waiting';
  return null;
}

/** Applies the host's outcome; returns the node to continue at. */
export function applyHttpResult(turn: Turn, node: HttpRequestNode, result: HttpResult): string | null {
  const { data } = node;
  clearWait(turn);
  turn.session.status = 'active';
  if (result.ok) {
    const { values, missing } = extractMappings(result.json, data.responseMapping);
    for (const [name, value] of Object.entries(values)) setVariable(turn, name, value);
    emit(turn, 'httpResult', node.id, {
      ok: true,
      ...(result.status !== undefined ? { status: result.status } : {}),
      ...(missing.length > 0 ? { missing: missing.join(',') } : {}),
    });
    return follow(turn, node.id, 'success');
  }
  const errorKind = result.errorKind ?? 'error';
  if (data.errorVariable) setVariable(turn, data.errorVariable, errorKind);
  emit(turn, 'httpResult', node.id, { ok: false, errorKind, ...(result.status !== undefined ? { status: result.status } : {}) });
  if (targetOf(turn.index, node.id, 'error') !== undefined) return follow(turn, node.id, 'error');
  // The customer learns only that something went wrong; the detail is in the host's log.
  sayFallback(turn, node.id);
  return follow(turn, node.id, 'error');
}

/**
 * Customer text while a request is outstanding means the host lost it (e.g. a restart between
 * sending and stepping): the request is asked for again rather than leaving the session stuck.
 */
export function reissueHttpRequest(turn: Turn, node: HttpRequestNode): null {
  return enterHttpRequest(turn, node);
}
