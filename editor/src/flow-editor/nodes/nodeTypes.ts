import type { NodeTypes } from '@xyflow/react';
import type { NodeKind } from '@switchboard/runtime';
import { StartCard } from './StartCard';
import { MessageCard } from './MessageCard';
import { QuestionCard } from './QuestionCard';
import { ChoiceCard } from './ChoiceCard';
import { ConditionCard } from './ConditionCard';
import { SetCard } from './SetCard';
import { HandoffCard } from './HandoffCard';
import { JumpCard } from './JumpCard';
import { EndCard } from './EndCard';
import { IntentCard } from './IntentCard';
import { FaqCard } from './FaqCard';
import { HttpRequestCard } from './HttpRequestCard';
import { SatisfactionCard } from './SatisfactionCard';

// Module scope: a new object per render would make React Flow remount every node.
export const nodeTypes = {
  start: StartCard,
  message: MessageCard,
  question: QuestionCard,
  choice: ChoiceCard,
  condition: ConditionCard,
  set: SetCard,
  handoff: HandoffCard,
  jump: JumpCard,
  end: EndCard,
  intent: IntentCard,
  faq: FaqCard,
  httpRequest: HttpRequestCard,
  satisfaction: SatisfactionCard,
} satisfies Record<NodeKind, unknown> as unknown as NodeTypes;
