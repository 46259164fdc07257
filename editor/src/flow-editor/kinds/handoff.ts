import { Headset } from 'lucide-react';
import type { KindModel } from './types';

export const handoffKind: KindModel<'handoff'> = {
  icon: Headset,
  color: '#db2777',
  paletteOrder: 10,
  newData: (ctx) => ({ text: '', queue: ctx.meta.settings.handoff.defaultQueue }),
  summary: (d) => d.text,
  searchTerms: (d) => [d.queue, d.note ?? ''],
  geometry: { outputs: 'rows', lines: 3.4, hasInput: true },
};
