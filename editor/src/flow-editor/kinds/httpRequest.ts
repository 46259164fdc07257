import { Globe } from 'lucide-react';
import type { KindModel } from './types';

export const httpRequestKind: KindModel<'httpRequest'> = {
  icon: Globe,
  color: '#ea580c',
  paletteOrder: 8,
  newData: () => ({ method: 'GET', url: '', headers: [], responseMapping: [] }),
  summary: (d) => `${d.method} ${d.url}`,
  searchTerms: (d) => d.responseMapping.map((m) => m.variable),
  geometry: { outputs: 'rows', lines: 2, hasInput: true },
};
