import {
  BookOpen,
  Brain,
  CircleHelp,
  CornerDownRight,
  Flag,
  Globe,
  Headset,
  ListChecks,
  MessageSquare,
  Play,
  Split,
  Star,
  Variable,
  type LucideIcon,
} from 'lucide-react';
import type { NodeKind } from '@switchboard/runtime';

export interface KindInfo {
  icon: LucideIcon;
  /** Accent colour for the card's header stripe and icon. */
  color: string;
}

export const KIND_INFO: Record<NodeKind, KindInfo> = {
  start: { icon: Play, color: '#16a34a' },
  message: { icon: MessageSquare, color: '#2563eb' },
  question: { icon: CircleHelp, color: '#7c3aed' },
  choice: { icon: ListChecks, color: '#0891b2' },
  condition: { icon: Split, color: '#d97706' },
  set: { icon: Variable, color: '#0d9488' },
  handoff: { icon: Headset, color: '#db2777' },
  jump: { icon: CornerDownRight, color: '#4f46e5' },
  end: { icon: Flag, color: '#475569' },
  intent: { icon: Brain, color: '#9333ea' },
  faq: { icon: BookOpen, color: '#0284c7' },
  httpRequest: { icon: Globe, color: '#ea580c' },
  satisfaction: { icon: Star, color: '#ca8a04' },
};

/** The order kinds appear in the palette and the quick-add menu: most used first. */
export const PALETTE_KINDS: NodeKind[] = [
  'message',
  'question',
  'choice',
  'intent',
  'faq',
  'condition',
  'set',
  'httpRequest',
  'satisfaction',
  'handoff',
  'jump',
  'end',
];

/** Outputs taken when something went wrong or nobody answered: drawn muted so the happy path stands out. */
export const MUTED_HANDLES = new Set(['invalid', 'noMatch', 'else', 'offline', 'fallback', 'error']);
