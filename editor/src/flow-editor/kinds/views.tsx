import type { NodeTypes } from '@xyflow/react';
import type { ComponentType } from 'react';
import type { FlowNode, NodeKind, NodeOfKind } from '@switchboard/runtime';
import type { CardProps } from '../nodes/cardProps';
import { ChoiceCard } from '../nodes/ChoiceCard';
import { ConditionCard } from '../nodes/ConditionCard';
import { EndCard } from '../nodes/EndCard';
import { FaqCard } from '../nodes/FaqCard';
import { HandoffCard } from '../nodes/HandoffCard';
import { HttpRequestCard } from '../nodes/HttpRequestCard';
import { IntentCard } from '../nodes/IntentCard';
import { JumpCard } from '../nodes/JumpCard';
import { KnowledgeAnswerCard } from '../nodes/KnowledgeAnswerCard';
import { MessageCard } from '../nodes/MessageCard';
import { QuestionCard } from '../nodes/QuestionCard';
import { SatisfactionCard } from '../nodes/SatisfactionCard';
import { SetCard } from '../nodes/SetCard';
import { StartCard } from '../nodes/StartCard';
import { ChoiceForm } from '../inspector/ChoiceForm';
import { ConditionForm } from '../inspector/ConditionForm';
import { EndForm } from '../inspector/EndForm';
import { FaqForm } from '../inspector/FaqForm';
import { HandoffForm } from '../inspector/HandoffForm';
import { HttpRequestForm } from '../inspector/HttpRequestForm';
import { IntentForm } from '../inspector/IntentForm';
import { JumpForm } from '../inspector/JumpForm';
import { KnowledgeAnswerForm } from '../inspector/KnowledgeAnswerForm';
import { MessageForm } from '../inspector/MessageForm';
import { QuestionForm } from '../inspector/QuestionForm';
import { SatisfactionForm } from '../inspector/SatisfactionForm';
import { SetForm } from '../inspector/SetForm';
import { StartForm } from '../inspector/StartForm';

/** A kind's two components: the card on the canvas and the form in the inspector. */
export interface KindView<K extends NodeKind> {
  Card: ComponentType<CardProps<K>>;
  Form: ComponentType<{ node: NodeOfKind<K> }>;
}

/** The components half of the one record per kind (the rest is in index.ts, see types.ts for why). */
export const KIND_VIEWS: { [K in NodeKind]: KindView<K> } = {
  start: { Card: StartCard, Form: StartForm },
  message: { Card: MessageCard, Form: MessageForm },
  question: { Card: QuestionCard, Form: QuestionForm },
  choice: { Card: ChoiceCard, Form: ChoiceForm },
  condition: { Card: ConditionCard, Form: ConditionForm },
  set: { Card: SetCard, Form: SetForm },
  handoff: { Card: HandoffCard, Form: HandoffForm },
  jump: { Card: JumpCard, Form: JumpForm },
  end: { Card: EndCard, Form: EndForm },
  intent: { Card: IntentCard, Form: IntentForm },
  faq: { Card: FaqCard, Form: FaqForm },
  httpRequest: { Card: HttpRequestCard, Form: HttpRequestForm },
  satisfaction: { Card: SatisfactionCard, Form: SatisfactionForm },
  knowledgeAnswer: { Card: KnowledgeAnswerCard, Form: KnowledgeAnswerForm },
};

// Module scope: a new object per render would make React Flow remount every node.
export const nodeTypes = Object.fromEntries(
  (Object.keys(KIND_VIEWS) as NodeKind[]).map((kind) => [kind, KIND_VIEWS[kind].Card]),
) as unknown as NodeTypes;

/** The inspector form of a node's kind. */
export function NodeForm({ node }: { node: FlowNode }) {
  // The one place TypeScript cannot see that `node.type` picks the form for this node's data.
  const Form = KIND_VIEWS[node.type].Form as ComponentType<{ node: FlowNode }>;
  return <Form node={node} />;
}
