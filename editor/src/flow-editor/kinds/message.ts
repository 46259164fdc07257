import { MessageSquare } from 'lucide-react';
import type { KindModel } from './types';

export const messageKind: KindModel<'message'> = {
  icon: MessageSquare,
  color: '#2563eb',
  paletteOrder: 1,
  newData: () => ({ text: '' }),
  summary: (d) => d.text,
  searchTerms: (d) => (d.links ?? []).map((l) => l.label),
  geometry: { outputs: 'edge', lines: 2, hasInput: true },
};
