import type { ValidationContext } from '../context';
import { nodeName, optionLabel, quote } from '../describe';
import { problem, type Problem } from '../problem';
import { NONE_CLASS, phraseClashes as findClashes } from '../../nlu/phraseClashes';
import { GLOBAL_MODEL_KEY } from '../../nlu/flowModels';

/** Names of the classes a clash involves, as staff see them. */
function labels(ctx: ValidationContext, scope: string, ids: string[]): string[] {
  const node = ctx.nodeById.get(scope);
  return ids.map((id) => {
    if (id === NONE_CLASS) return '"none of these"';
    if (scope === GLOBAL_MODEL_KEY) return optionLabel(ctx.flow.settings.globalIntents.intents.find((i) => i.id === id)?.name ?? id);
    if (node?.type === 'intent') return optionLabel(node.data.intents.find((i) => i.id === id)?.name ?? id);
    if (node?.type === 'faq') return optionLabel(node.data.items.find((i) => i.id === id)?.question ?? id);
    return optionLabel(id);
  });
}

/** A phrase under two intents can only ever be recognised as one of them. */
export function phraseClashes(ctx: ValidationContext): Problem[] {
  return findClashes(ctx.flow).map((clash) => {
    const node = ctx.nodeById.get(clash.scope);
    const where = clash.scope === GLOBAL_MODEL_KEY || !node ? 'the global intents' : nodeName(node);
    const names = labels(ctx, clash.scope, clash.ids);
    return problem(
      'phrase-clash',
      `In ${where}, the phrase ${quote(clash.phrase)} is listed under ${names.join(' and ')}; the bot cannot tell them apart. Keep it under one.`,
      clash.scope === GLOBAL_MODEL_KEY || !node ? {} : { nodeId: node.id },
    );
  });
}
