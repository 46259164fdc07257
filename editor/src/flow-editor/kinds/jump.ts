import { CornerDownRight } from 'lucide-react';
import type { KindModel } from './types';

export const jumpKind: KindModel<'jump'> = {
  icon: CornerDownRight,
  color: '#4f46e5',
  paletteOrder: 11,
  // Pointing at itself keeps the document saveable while the validator asks for a real target.
  newData: (ctx) => ({ target: ctx.nodeId }),
  // The card names its target instead; the jump's own words would be the target's.
  summary: () => '',
  searchTerms: () => [],
  geometry: { outputs: 'none', lines: 1, hasInput: true },
};
