import { ListChecks } from 'lucide-react';
import { randomId } from '../model/ids';
import type { KindModel } from './types';

export const choiceKind: KindModel<'choice'> = {
  // Options with a tick: picking one, where a plain List says nothing about choosing.
  icon: ListChecks,
  color: '#0891b2',
  paletteOrder: 3,
  newData: () => ({ text: '', options: [{ id: randomId('opt'), label: '' }] }),
  summary: (d) => d.text,
  searchTerms: (d) => [...d.options.flatMap((o) => [o.label, ...(o.synonyms ?? [])]), ...(d.variable ? [d.variable] : [])],
  geometry: { outputs: 'rows', lines: 2.4, hasInput: true },
};
