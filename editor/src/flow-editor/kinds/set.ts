import { Variable } from 'lucide-react';
import type { KindModel } from './types';

export const setKind: KindModel<'set'> = {
  icon: Variable,
  color: '#0d9488',
  paletteOrder: 7,
  newData: () => ({ assignments: [] }),
  summary: (d) => d.assignments.map((a) => a.variable).join(', '),
  searchTerms: () => [],
  geometry: { outputs: 'edge', lines: 2, hasInput: true },
};
