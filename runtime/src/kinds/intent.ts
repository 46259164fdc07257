import type { KindRuntime } from './types';
import { quote, textMap, textsReads } from './helpers';
import { answerIntent, enterIntent, intentInput } from '../engine/nodes/intent';

export const intentKind: KindRuntime<'intent'> = {
  name(node) {
    if (node.data.text?.trim()) return `the intent step ${quote(node.data.text)}`;
    const names = node.data.intents.map((i) => i.name.trim()).filter(Boolean);
    return names.length > 0 ? `the intent step recognising ${quote(names.join(' / '))}` : 'an intent step with no intents';
  },
  texts: (node) => textMap([['text', node.data.text]]),
  reads: (node) => textsReads([node.data.text]),
  writes(node, handle) {
    const names = node.data.confidenceVariable !== undefined ? [node.data.confidenceVariable] : [];
    // On fallback the intent variable is cleared to null, which reads as unset.
    if (handle !== 'fallback' && node.data.intentVariable !== undefined) names.push(node.data.intentVariable);
    return names;
  },
  renameVariable: (d, r) => ({
    ...d,
    ...(d.text !== undefined ? { text: r.template(d.text) } : {}),
    ...(d.intentVariable !== undefined ? { intentVariable: r.name(d.intentVariable) } : {}),
    ...(d.confidenceVariable !== undefined ? { confidenceVariable: r.name(d.confidenceVariable) } : {}),
  }),
  enter: enterIntent,
  answer: (turn, node, answer) => answerIntent(turn, node, answer.text),
  expectedInput: intentInput,
};
