import type { FlowDocument } from '../schema/flow';
import { normalize } from '../text/normalize';
import { GLOBAL_MODEL_KEY } from './flowModels';

/** The class name a "none of these" phrase stands for in a clash. */
export const NONE_CLASS = '__none';

export interface PhraseClash {
  /** The intent or FAQ node, or GLOBAL_MODEL_KEY for the flow's global intents. */
  scope: string;
  /** The phrase as first written. */
  phrase: string;
  /** Ids of the intents (FAQ items) that list it, in order; NONE_CLASS for "none of these". */
  ids: string[];
}

interface Entry {
  id: string;
  phrases: readonly string[];
}

function clashesIn(scope: string, entries: readonly Entry[]): PhraseClash[] {
  const byKey = new Map<string, { phrase: string; ids: string[] }>();
  for (const { id, phrases } of entries) {
    for (const phrase of phrases) {
      const key = normalize(phrase);
      if (key === '') continue;
      const seen = byKey.get(key);
      if (!seen) byKey.set(key, { phrase, ids: [id] });
      else if (!seen.ids.includes(id)) seen.ids.push(id);
    }
  }
  return [...byKey.values()].filter((c) => c.ids.length > 1).map((c) => ({ scope, ...c }));
}

/**
 * Phrases that read the same, after folding case, accents and punctuation, under two intents
 * of one classifier: the model cannot tell them apart, so one of the two always loses.
 */
export function phraseClashes(flow: FlowDocument): PhraseClash[] {
  const found: PhraseClash[] = [];
  for (const node of flow.nodes) {
    if (node.type === 'intent') {
      const entries: Entry[] = node.data.intents.map((i) => ({ id: i.id, phrases: i.examples }));
      if (node.data.noneExamples) entries.push({ id: NONE_CLASS, phrases: node.data.noneExamples });
      found.push(...clashesIn(node.id, entries));
    } else if (node.type === 'faq') {
      found.push(...clashesIn(node.id, node.data.items.map((i) => ({ id: i.id, phrases: [i.question, ...(i.variants ?? [])] }))));
    }
  }
  const global = flow.settings.globalIntents.intents;
  found.push(...clashesIn(GLOBAL_MODEL_KEY, global.map((i) => ({ id: i.id, phrases: i.examples }))));
  return found;
}
