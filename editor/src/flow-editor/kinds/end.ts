import { Flag } from 'lucide-react';
import type { KindModel } from './types';

export const endKind: KindModel<'end'> = {
  // A finish flag; CircleStop read as a media "stop" button or an error.
  icon: Flag,
  color: '#475569',
  paletteOrder: 12,
  newData: () => ({}),
  summary: (d) => d.text ?? '',
  searchTerms: () => [],
  geometry: { outputs: 'none', lines: 1, hasInput: true },
};
