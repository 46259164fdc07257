import type { FlowMeta } from '../store/types';
import { assertNever, type FlowNode, type NodeKind } from '@switchboard/runtime';
import { randomId } from './ids';

/** Picks `answer`, `answer2`, ... so a new question never overwrites a variable already captured. */
function freshVariable(meta: FlowMeta, used: ReadonlySet<string>): string {
  const taken = (n: string) => used.has(n) || meta.variables.some((v) => v.name === n);
  if (!taken('answer')) return 'answer';
  let i = 2;
  while (taken(`answer${i}`)) i++;
  return `answer${i}`;
}

/**
 * What a node holds when it is dropped on the canvas. Texts start empty (the card shows a
 * "click to edit" hint and the validator flags them) so no placeholder wording ever reaches a
 * customer by accident.
 */
export function newNodeData(
  kind: NodeKind,
  ctx: { nodeId: string; meta: FlowMeta; usedVariables: ReadonlySet<string> },
): FlowNode['data'] {
  switch (kind) {
    case 'start':
      return {};
    case 'message':
      return { text: '' };
    case 'question':
      return { text: '', variable: freshVariable(ctx.meta, ctx.usedVariables), inputKind: 'text' };
    case 'choice':
      return { text: '', options: [{ id: randomId('opt'), label: '' }] };
    case 'condition':
      return { branches: [{ id: randomId('br'), label: '', match: 'all', rules: [] }] };
    case 'set':
      return { assignments: [] };
    case 'handoff':
      return { text: '', queue: ctx.meta.settings.handoff.defaultQueue };
    case 'jump':
      // Pointing at itself keeps the document saveable while the validator asks for a real target.
      return { target: ctx.nodeId };
    case 'end':
      return {};
    case 'intent':
      return { intents: [{ id: randomId('intent'), name: '', examples: [] }] };
    case 'faq':
      return { items: [{ id: randomId('faq'), question: '', answer: '' }] };
    case 'httpRequest':
      return { method: 'GET', url: '', headers: [], responseMapping: [] };
    case 'satisfaction':
      return { text: '' };
    default:
      return assertNever(kind);
  }
}
