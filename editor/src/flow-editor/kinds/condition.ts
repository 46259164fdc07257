import { Split } from 'lucide-react';
import { randomId } from '../model/ids';
import type { KindModel } from './types';

export const conditionKind: KindModel<'condition'> = {
  // A fork in the road, which a support manager reads without knowing git's branch icon.
  icon: Split,
  color: '#d97706',
  paletteOrder: 6,
  newData: () => ({ branches: [{ id: randomId('br'), label: '', match: 'all', rules: [] }] }),
  summary: (d) => d.branches.map((b) => b.label).filter(Boolean).join(', '),
  searchTerms: (d) => d.branches.flatMap((b) => b.rules.flatMap((r) => [r.variable, String(r.value ?? '')])),
  geometry: { outputs: 'rows', lines: 0, hasInput: true },
};
