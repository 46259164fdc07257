import { CircleStop, CornerDownRight, GitBranch, Headset, List, MessageCircleQuestion, MessageSquare, Play, Variable, type LucideIcon } from 'lucide-react';
import type { NodeKind } from '../../../../runtime/src/schema';

export const KIND_ICONS: Record<NodeKind, LucideIcon> = {
  start: Play,
  message: MessageSquare,
  question: MessageCircleQuestion,
  choice: List,
  condition: GitBranch,
  set: Variable,
  handoff: Headset,
  jump: CornerDownRight,
  end: CircleStop,
};
