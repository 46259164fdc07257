import type { FlowDocument, FlowNode } from '@switchboard/runtime';
import type { PhraseTarget, UnrecognizedGroup } from '../api';

export type TargetKind = PhraseTarget['kind'];
/** Where a message can go, without the message. */
export type TargetRef = PhraseTarget extends infer T ? (T extends PhraseTarget ? Omit<T, 'phrase'> : never) : never;

export interface TargetOption {
  ref: TargetRef;
  /** The intent's name, the FAQ question, the option's label. */
  label: string;
  /** The step it belongs to. */
  nodeId: string;
  suggested: boolean;
}

export type TargetsByKind = Record<TargetKind, TargetOption[]>;

const entryId = (ref: TargetRef): string => (ref.kind === 'intent' ? ref.intentId : ref.kind === 'faq' ? ref.itemId : ref.optionId);

function optionsOf(node: FlowNode): TargetOption[] {
  const option = (ref: TargetRef, label: string): TargetOption => ({ ref, label: label.trim() || entryId(ref), nodeId: node.id, suggested: false });
  switch (node.type) {
    case 'intent':
      return node.data.intents.map((i) => option({ kind: 'intent', nodeId: node.id, intentId: i.id }, i.name));
    case 'faq':
      return node.data.items.map((i) => option({ kind: 'faq', nodeId: node.id, itemId: i.id }, i.question));
    case 'choice':
      return node.data.options.map((o) => option({ kind: 'choice', nodeId: node.id, optionId: o.id }, o.label));
    default:
      return [];
  }
}

/** Every place in the draft a message can be added to, by kind, in the order of the steps. */
export function targetsOf(flow: FlowDocument): TargetsByKind {
  const out: TargetsByKind = { intent: [], faq: [], choice: [] };
  for (const node of flow.nodes) for (const option of optionsOf(node)) out[option.ref.kind].push(option);
  return out;
}

/**
 * The targets for one group: the step where it happened first (the suggested entry at the top
 * of all), so the likeliest choice is the first one in each menu.
 */
export function targetsForGroup(all: TargetsByKind, group: UnrecognizedGroup): TargetsByKind {
  const rank = new Map(group.nodes.map((n, i) => [n.nodeId, i]));
  const s = group.suggestion;
  const mark = (o: TargetOption): TargetOption => ({ ...o, suggested: s !== null && s.targetId !== null && o.nodeId === s.nodeId && entryId(o.ref) === s.targetId });
  const order = (list: TargetOption[]) =>
    list
      .map(mark)
      .map((o, i) => ({ o, i }))
      .sort((a, b) => Number(b.o.suggested) - Number(a.o.suggested) || (rank.get(a.o.nodeId) ?? Infinity) - (rank.get(b.o.nodeId) ?? Infinity) || a.i - b.i)
      .map(({ o }) => o);
  return { intent: order(all.intent), faq: order(all.faq), choice: order(all.choice) };
}

/** The one-click suggestion, when the group names an entry that still exists. */
export function suggestedTarget(targets: TargetsByKind, group: UnrecognizedGroup): TargetOption | null {
  const kind = group.suggestion?.kind;
  if (!kind) return null;
  return targets[kind].find((o) => o.suggested) ?? null;
}
