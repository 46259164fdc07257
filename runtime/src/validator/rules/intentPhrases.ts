import type { ValidationContext } from '../context';
import { capitalize, nodeName, optionLabel } from '../describe';
import { problem, type Problem } from '../problem';
import { normalize } from '../../text/normalize';

interface Entry {
  id: string;
  name: string;
  phrases: readonly string[];
}

interface Scope {
  /** "In the intent step …", "In the global intents"; for messages. */
  where: string;
  /** What one entry is called: intent, question. */
  noun: string;
  entries: readonly Entry[];
  nodeId?: string;
}

const hasPhrase = (phrases: readonly string[]) => phrases.some((p) => normalize(p) !== '');

function check(scope: Scope): Problem[] {
  const found: Problem[] = [];
  const at = (handle?: string) => ({ ...(scope.nodeId !== undefined ? { nodeId: scope.nodeId } : {}), ...(handle ? { handle } : {}) });
  if (scope.entries.length === 0 && scope.nodeId !== undefined) {
    found.push(problem('missing-examples', `${capitalize(scope.where)} has no ${scope.noun}s yet, so every message takes "fallback".`, at()));
  }
  const seen = new Map<string, string>();
  for (const entry of scope.entries) {
    if (!hasPhrase(entry.phrases)) {
      const subject = entry.name.trim() ? `the ${scope.noun} ${optionLabel(entry.name)}` : `an unnamed ${scope.noun}`;
      const what = scope.noun === 'question' ? 'no question text' : 'no example phrases';
      found.push(problem('missing-examples', `In ${scope.where}, ${subject} has ${what}, so it can never be recognised.`, at(entry.id)));
    }
    const key = normalize(entry.name);
    if (key === '') continue;
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, entry.name);
    else {
      found.push(
        problem(
          'duplicate-intent-name',
          `In ${scope.where}, two ${scope.noun}s are called ${optionLabel(entry.name)}. Give each a different name.`,
          at(entry.id),
        ),
      );
    }
  }
  return found;
}

/** Every intent and FAQ question needs something to learn from, and a name staff can tell apart. */
export function intentPhrases(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const node of ctx.nodeById.values()) {
    if (node.type === 'intent') {
      const entries = node.data.intents.map((i) => ({ id: i.id, name: i.name, phrases: i.examples }));
      found.push(...check({ where: nodeName(node), noun: 'intent', entries, nodeId: node.id }));
    } else if (node.type === 'faq') {
      const entries = node.data.items.map((i) => ({ id: i.id, name: i.question, phrases: [i.question, ...(i.variants ?? [])] }));
      found.push(...check({ where: nodeName(node), noun: 'question', entries, nodeId: node.id }));
    }
  }
  const global = ctx.flow.settings.globalIntents.intents.map((i) => ({ id: i.id, name: i.name, phrases: i.examples }));
  found.push(...check({ where: 'the global intents', noun: 'intent', entries: global }));
  return found;
}
