import { z } from 'zod';
import { startNodeSchema, startHandles, type StartNode } from './nodes/start';
import { messageNodeSchema, messageHandles, type MessageNode } from './nodes/message';
import { questionNodeSchema, questionHandles, type QuestionNode } from './nodes/question';
import { choiceNodeSchema, choiceHandles, type ChoiceNode } from './nodes/choice';
import { conditionNodeSchema, conditionHandles, type ConditionNode } from './nodes/condition';
import { setNodeSchema, setHandles, type SetNode } from './nodes/set';
import { handoffNodeSchema, handoffHandles, type HandoffNode } from './nodes/handoff';
import { jumpNodeSchema, jumpHandles, type JumpNode } from './nodes/jump';
import { endNodeSchema, endHandles, type EndNode } from './nodes/end';
import { intentNodeSchema, intentHandles, type IntentNode } from './nodes/intent';
import { faqNodeSchema, faqHandles, type FaqNode } from './nodes/faq';
import { httpRequestNodeSchema, httpRequestHandles, type HttpRequestNode } from './nodes/httpRequest';
import { satisfactionNodeSchema, satisfactionHandles, type SatisfactionNode } from './nodes/satisfaction';
import { knowledgeAnswerNodeSchema, knowledgeAnswerHandles, type KnowledgeAnswerNode } from './nodes/knowledgeAnswer';
import { assertNever } from '../util/assertNever';

/** Every node kind. Adding one: a file in `nodes/`, a member here, then what the compiler flags. */
export const flowNodeSchema = z.discriminatedUnion('type', [
  startNodeSchema,
  messageNodeSchema,
  questionNodeSchema,
  choiceNodeSchema,
  conditionNodeSchema,
  setNodeSchema,
  handoffNodeSchema,
  jumpNodeSchema,
  endNodeSchema,
  intentNodeSchema,
  faqNodeSchema,
  httpRequestNodeSchema,
  satisfactionNodeSchema,
  knowledgeAnswerNodeSchema,
]);
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type NodeKind = FlowNode['type'];
export type NodeOfKind<K extends NodeKind> = Extract<FlowNode, { type: K }>;
export type NodeData<K extends NodeKind> = NodeOfKind<K>['data'];

export const NODE_KINDS = flowNodeSchema.options.map((o) => o.shape.type.value) as NodeKind[];

export type {
  StartNode,
  MessageNode,
  QuestionNode,
  ChoiceNode,
  ConditionNode,
  SetNode,
  HandoffNode,
  JumpNode,
  EndNode,
  IntentNode,
  FaqNode,
  HttpRequestNode,
  SatisfactionNode,
  KnowledgeAnswerNode,
};

/** The output handles a node offers, in display order. */
export function outputHandles(node: FlowNode): string[] {
  switch (node.type) {
    case 'start':
      return startHandles(node.data);
    case 'message':
      return messageHandles(node.data);
    case 'question':
      return questionHandles(node.data);
    case 'choice':
      return choiceHandles(node.data);
    case 'condition':
      return conditionHandles(node.data);
    case 'set':
      return setHandles(node.data);
    case 'handoff':
      return handoffHandles(node.data);
    case 'jump':
      return jumpHandles(node.data);
    case 'end':
      return endHandles(node.data);
    case 'intent':
      return intentHandles(node.data);
    case 'faq':
      return faqHandles(node.data);
    case 'httpRequest':
      return httpRequestHandles(node.data);
    case 'satisfaction':
      return satisfactionHandles(node.data);
    case 'knowledgeAnswer':
      return knowledgeAnswerHandles(node.data);
    default:
      return assertNever(node);
  }
}

/**
 * The handle an edge without `sourceHandle` leaves from: nodes with a single output accept
 * a bare edge, as React Flow creates one when a node has only a default handle.
 */
export function defaultHandle(node: FlowNode): string | null {
  const handles = outputHandles(node);
  return handles.length === 1 ? handles[0]! : null;
}
