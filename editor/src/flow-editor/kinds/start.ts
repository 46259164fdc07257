import { Play } from 'lucide-react';
import type { KindModel } from './types';

export const startKind: KindModel<'start'> = {
  icon: Play,
  color: '#16a34a',
  paletteOrder: null,
  newData: () => ({}),
  summary: (d) => d.label ?? '',
  searchTerms: () => [],
  geometry: { outputs: 'edge', lines: 1, hasInput: false },
};
