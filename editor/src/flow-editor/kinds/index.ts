import type { FlowNode, NodeData, NodeKind } from '@switchboard/runtime';
import { choiceKind } from './choice';
import { conditionKind } from './condition';
import { endKind } from './end';
import { faqKind } from './faq';
import { handoffKind } from './handoff';
import { httpRequestKind } from './httpRequest';
import { intentKind } from './intent';
import { knowledgeAnswerKind } from './knowledgeAnswer';
import { jumpKind } from './jump';
import { messageKind } from './message';
import { questionKind } from './question';
import { satisfactionKind } from './satisfaction';
import { setKind } from './set';
import { startKind } from './start';
import type { KindModel, KindModels, NewNodeContext } from './types';

export type { CardGeometry, KindModel, NewNodeContext, OutputPlacement } from './types';

/** The editor's one record per node kind (its components are in views.tsx). */
export const KINDS: KindModels = {
  start: startKind,
  message: messageKind,
  question: questionKind,
  choice: choiceKind,
  condition: conditionKind,
  set: setKind,
  handoff: handoffKind,
  jump: jumpKind,
  end: endKind,
  intent: intentKind,
  faq: faqKind,
  httpRequest: httpRequestKind,
  satisfaction: satisfactionKind,
  knowledgeAnswer: knowledgeAnswerKind,
};

/**
 * The record of a node's own kind, typed for that node's data. The cast is the one place
 * TypeScript cannot see that `node.type` and `node.data` belong together.
 */
function modelOf(node: FlowNode): KindModel<NodeKind> {
  return KINDS[node.type] as unknown as KindModel<NodeKind>;
}

/** The order kinds appear in the palette and the quick-add menu: most used first. */
export const PALETTE_KINDS: NodeKind[] = (Object.keys(KINDS) as NodeKind[])
  .filter((k) => KINDS[k].paletteOrder !== null)
  .sort((a, b) => (KINDS[a].paletteOrder ?? 0) - (KINDS[b].paletteOrder ?? 0));

export function newNodeData<K extends NodeKind>(kind: K, ctx: NewNodeContext): NodeData<K> {
  return (KINDS[kind] as unknown as KindModel<K>).newData(ctx);
}

/** See KindModel.summary. */
export function nodeSummary(node: FlowNode): string {
  return modelOf(node).summary(node.data);
}

/** Every searchable string of a node: its text plus option, branch and variable names. */
export function nodeSearchText(node: FlowNode): string {
  return [nodeSummary(node), node.id, ...modelOf(node).searchTerms(node.data)].join('\n').toLocaleLowerCase();
}
