import { Star } from 'lucide-react';
import type { KindModel } from './types';

export const satisfactionKind: KindModel<'satisfaction'> = {
  icon: Star,
  color: '#ca8a04',
  paletteOrder: 9,
  newData: () => ({ text: '' }),
  summary: (d) => d.text,
  searchTerms: () => [],
  geometry: { outputs: 'edge', lines: 2, hasInput: true },
};
