import type { FlowNode } from '../schema/node';
import type { FlowDiff } from './types';

/** Phrases a step learned: an intent's examples, an FAQ item's questions or an option's synonyms. */
export interface PhraseAddition {
  nodeId: string;
  kind: 'intent' | 'faq' | 'choice';
  /** The intent, FAQ item or option id. */
  entryId: string;
  /** The intent's name, the FAQ question or the option's label, as in the newer document. */
  entryLabel: string;
  /** In the order they appear in the newer document. */
  phrases: string[];
}

interface Entry {
  id: string;
  label: string;
  phrases: readonly string[];
}

/** The phrase lists of a step by entry; other kinds have none. */
function entriesOf(node: FlowNode): { kind: PhraseAddition['kind']; entries: Entry[] } | null {
  switch (node.type) {
    case 'intent':
      return { kind: 'intent', entries: node.data.intents.map((i) => ({ id: i.id, label: i.name, phrases: i.examples })) };
    case 'faq':
      return { kind: 'faq', entries: node.data.items.map((i) => ({ id: i.id, label: i.question, phrases: [i.question, ...(i.variants ?? [])] })) };
    case 'choice':
      return { kind: 'choice', entries: node.data.options.map((o) => ({ id: o.id, label: o.label, phrases: o.synonyms ?? [] })) };
    default:
      return null;
  }
}

/**
 * What the changed steps of a diff learned to recognise: per entry, the phrases the newer side
 * has and the older did not (a new entry's phrases all count). Removed phrases are not listed;
 * the step still shows as changed.
 */
export function phraseAdditions(diff: FlowDiff): PhraseAddition[] {
  const out: PhraseAddition[] = [];
  for (const change of diff.nodes.changed) {
    if (change.typeChanged) continue;
    const before = entriesOf(change.before);
    const after = entriesOf(change.after);
    if (!before || !after) continue;
    const had = new Map(before.entries.map((e) => [e.id, new Set(e.phrases)]));
    for (const entry of after.entries) {
      const old = had.get(entry.id) ?? new Set<string>();
      // A new FAQ item's question is its title, not a phrase learned on top of it.
      const phrases = entry.phrases.filter((p, i) => !old.has(p) && !(after.kind === 'faq' && i === 0 && !had.has(entry.id)) && p.trim() !== '');
      if (phrases.length > 0) out.push({ nodeId: change.id, kind: after.kind, entryId: entry.id, entryLabel: entry.label, phrases });
    }
  }
  return out;
}
