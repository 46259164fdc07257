import { BookOpen, Brain, CircleStop, CornerDownRight, GitBranch, Globe, Headset, List, MessageCircleQuestion, MessageSquare, Play, Star, Variable, type LucideIcon } from 'lucide-react';
import type { NodeKind } from '@switchboard/runtime';

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
  intent: Brain,
  faq: BookOpen,
  httpRequest: Globe,
  satisfaction: Star,
};
