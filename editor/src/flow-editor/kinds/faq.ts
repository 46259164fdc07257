import { BookOpen } from 'lucide-react';
import { randomId } from '../model/ids';
import type { KindModel } from './types';

export const faqKind: KindModel<'faq'> = {
  icon: BookOpen,
  color: '#0284c7',
  paletteOrder: 5,
  newData: () => ({ items: [{ id: randomId('faq'), question: '', answer: '' }] }),
  summary: (d) => d.text || d.items.map((i) => i.question).filter(Boolean).join(', '),
  searchTerms: (d) => d.items.flatMap((i) => [i.question, ...(i.variants ?? []), i.answer]),
  geometry: { outputs: 'rows', lines: 2, hasInput: true },
};
