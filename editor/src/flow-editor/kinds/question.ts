import { MessageCircleQuestion } from 'lucide-react';
import type { FlowMeta } from '../store/types';
import type { KindModel } from './types';

/** Picks `answer`, `answer2`, ... so a new question never overwrites a variable already captured. */
function freshVariable(meta: FlowMeta, used: ReadonlySet<string>): string {
  const taken = (n: string) => used.has(n) || meta.variables.some((v) => v.name === n);
  if (!taken('answer')) return 'answer';
  let i = 2;
  while (taken(`answer${i}`)) i++;
  return `answer${i}`;
}

export const questionKind: KindModel<'question'> = {
  // A speech bubble with a question mark: asked in the chat, unlike a help button's CircleHelp.
  icon: MessageCircleQuestion,
  color: '#7c3aed',
  paletteOrder: 2,
  newData: (ctx) => ({ text: '', variable: freshVariable(ctx.meta, ctx.usedVariables), inputKind: 'text' }),
  summary: (d) => d.text,
  searchTerms: (d) => [d.variable],
  geometry: { outputs: 'rows', lines: 2.4, hasInput: true },
};
