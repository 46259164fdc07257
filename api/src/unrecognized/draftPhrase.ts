import { flowNodeSchema, type FlowDocument, type FlowNode } from '../../../runtime/src/schema';
import { normalize } from '../../../runtime/src/text';
import { HttpError, type ErrorDetail } from '../http/errors';

/** Where a reviewed message goes in the draft: an intent's examples, an FAQ item's questions, an option's synonyms. */
export type PhraseTarget =
  | { kind: 'intent'; nodeId: string; intentId: string; phrase: string }
  | { kind: 'faq'; nodeId: string; itemId: string; phrase: string }
  | { kind: 'choice'; nodeId: string; optionId: string; phrase: string };

const KIND_WORD: Record<PhraseTarget['kind'], string> = { intent: 'an intent step', faq: 'an FAQ step', choice: 'a choice step' };

const invalid = (code: string, message: string, details: ErrorDetail[]) => new HttpError(422, code, message, details);

function targetNode(flow: FlowDocument, target: PhraseTarget): FlowNode {
  const node = flow.nodes.find((n) => n.id === target.nodeId);
  if (!node) throw invalid('invalid_target', 'No such step in the draft', [{ path: 'target.nodeId', message: 'is not a step of the draft' }]);
  if (node.type !== target.kind) {
    throw invalid('invalid_target', `The step is not ${KIND_WORD[target.kind]}`, [{ path: 'target.nodeId', message: `is not ${KIND_WORD[target.kind]}` }]);
  }
  return node;
}

/** The phrases of a node that a new phrase must not repeat, by the entry they belong to. */
function phrasesOf(node: FlowNode): { entry: string; phrases: string[] }[] {
  switch (node.type) {
    case 'intent':
      return node.data.intents.map((i) => ({ entry: `intent "${i.name}"`, phrases: i.examples }));
    case 'faq':
      return node.data.items.map((i) => ({ entry: `question "${i.question}"`, phrases: [i.question, ...(i.variants ?? [])] }));
    case 'choice':
      return node.data.options.map((o) => ({ entry: `option "${o.label}"`, phrases: [o.label, ...(o.synonyms ?? [])] }));
    default:
      return [];
  }
}

function entryMissing(path: string, what: string): HttpError {
  return invalid('invalid_target', `No such ${what} in the step`, [{ path, message: `is not ${what === 'intent' ? 'an' : 'a'} ${what} of the step` }]);
}

/** Replaces one node's data, keeping every other node as it is. */
function withNode(flow: FlowDocument, node: FlowNode): FlowDocument {
  return { ...flow, nodes: flow.nodes.map((n) => (n.id === node.id ? node : n)) };
}

function edited(node: FlowNode, target: PhraseTarget, edit: (list: string[]) => string[]): FlowNode {
  const missing = (path: string, what: string) => entryMissing(path, what);
  if (target.kind === 'intent' && node.type === 'intent') {
    if (!node.data.intents.some((i) => i.id === target.intentId)) throw missing('target.intentId', 'intent');
    const intents = node.data.intents.map((i) => (i.id === target.intentId ? { ...i, examples: edit(i.examples) } : i));
    return { ...node, data: { ...node.data, intents } };
  }
  if (target.kind === 'faq' && node.type === 'faq') {
    if (!node.data.items.some((i) => i.id === target.itemId)) throw missing('target.itemId', 'FAQ item');
    const items = node.data.items.map((i) => (i.id === target.itemId ? { ...i, variants: edit(i.variants ?? []) } : i));
    return { ...node, data: { ...node.data, items } };
  }
  if (target.kind === 'choice' && node.type === 'choice') {
    if (!node.data.options.some((o) => o.id === target.optionId)) throw missing('target.optionId', 'option');
    const options = node.data.options.map((o) => (o.id === target.optionId ? { ...o, synonyms: edit(o.synonyms ?? []) } : o));
    return { ...node, data: { ...node.data, options } };
  }
  // targetNode checked the kind; this keeps the compiler and a future kind honest.
  throw invalid('invalid_target', 'The step cannot take phrases', [{ path: 'target.kind', message: 'does not match the step' }]);
}

/**
 * The draft with the phrase added where the target says. Refuses (422, with the field at fault)
 * an unknown step, entry, a phrase the step already has in any entry (it would compete with
 * itself), and one the step's limits do not allow.
 */
export function addPhrase(flow: FlowDocument, target: PhraseTarget): FlowDocument {
  const node = targetNode(flow, target);
  const phrase = target.phrase.trim();
  const key = normalize(phrase);
  for (const { entry, phrases } of phrasesOf(node)) {
    if (phrases.some((p) => normalize(p) === key)) {
      throw invalid('phrase_exists', `The step already has this phrase, in ${entry}`, [{ path: 'target.phrase', message: `is already in ${entry}` }]);
    }
  }
  const next = edited(node, target, (list) => [...list, phrase]);
  const checked = flowNodeSchema.safeParse(next);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw invalid('invalid_phrase', 'The step cannot take this phrase', [{ path: 'target.phrase', message: issue.message }]);
  }
  return withNode(flow, next);
}

/** The draft without the phrase (an undo); unchanged when it is no longer there. */
export function removePhrase(flow: FlowDocument, target: PhraseTarget): FlowDocument {
  const node = targetNode(flow, target);
  const phrase = target.phrase.trim();
  // An object, not a `let`: the edit runs inside `edited`, where a reassigned local goes unseen by the compiler.
  const removed = { any: false };
  const next = edited(node, target, (list) => {
    const at = list.lastIndexOf(phrase);
    if (at < 0) return list;
    removed.any = true;
    return [...list.slice(0, at), ...list.slice(at + 1)];
  });
  return removed.any ? withNode(flow, next) : flow;
}

/** Where the phrase went, in words, for the review mark. */
export function describeTarget(flow: FlowDocument, target: PhraseTarget): string {
  const node = flow.nodes.find((n) => n.id === target.nodeId);
  if (node?.type === 'intent' && target.kind === 'intent') {
    return `intent "${node.data.intents.find((i) => i.id === target.intentId)?.name ?? target.intentId}" in step ${node.id}`;
  }
  if (node?.type === 'faq' && target.kind === 'faq') {
    return `FAQ question "${node.data.items.find((i) => i.id === target.itemId)?.question ?? target.itemId}" in step ${node.id}`;
  }
  if (node?.type === 'choice' && target.kind === 'choice') {
    return `option "${node.data.options.find((o) => o.id === target.optionId)?.label ?? target.optionId}" in step ${node.id}`;
  }
  return `step ${target.nodeId}`;
}
