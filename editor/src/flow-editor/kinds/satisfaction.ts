import { Star } from 'lucide-react';
import { defaultFlowTexts } from '@switchboard/runtime';
import type { KindModel } from './types';

export const satisfactionKind: KindModel<'satisfaction'> = {
  icon: Star,
  color: '#ca8a04',
  paletteOrder: 9,
  // The rating question starts in the flow's language; the comment prompt follows it at run time.
  newData: (ctx) => ({ text: defaultFlowTexts(ctx.meta.locale).satisfaction }),
  summary: (d) => d.text,
  searchTerms: () => [],
  geometry: { outputs: 'edge', lines: 2, hasInput: true },
};
