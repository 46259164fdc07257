import type { FlowNode, NodeKind } from '../schema/node';
import type { KindRegistry, KindRuntime } from './types';
import { startKind } from './start';
import { messageKind } from './message';
import { questionKind } from './question';
import { choiceKind } from './choice';
import { conditionKind } from './condition';
import { setKind } from './set';
import { handoffKind } from './handoff';
import { jumpKind } from './jump';
import { endKind } from './end';
import { intentKind } from './intent';
import { faqKind } from './faq';
import { httpRequestKind } from './httpRequest';
import { satisfactionKind } from './satisfaction';
import { knowledgeAnswerKind } from './knowledgeAnswer';

export type { CustomerAnswer, KindRuntime, KindRegistry, NodeOf } from './types';
export { variableRenamer, type VariableRenamer } from './variableRenamer';

/** The runtime's one record per node kind (see types.ts for what each entry holds). */
export const KINDS: KindRegistry = {
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

/** A node's entry, typed for any node: the registry guarantees it matches the node's kind. */
export function kindOf(node: FlowNode): KindRuntime<NodeKind> {
  return KINDS[node.type] as unknown as KindRuntime<NodeKind>;
}
