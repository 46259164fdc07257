import { Brain } from 'lucide-react';
import { randomId } from '../model/ids';
import type { KindModel } from './types';

export const intentKind: KindModel<'intent'> = {
  icon: Brain,
  color: '#9333ea',
  paletteOrder: 4,
  newData: () => ({ intents: [{ id: randomId('intent'), name: '', examples: [] }] }),
  summary: (d) => d.text || d.intents.map((i) => i.name).filter(Boolean).join(', '),
  searchTerms: (d) => d.intents.flatMap((i) => [i.name, ...i.examples]),
  geometry: { outputs: 'rows', lines: 2, hasInput: true },
};
