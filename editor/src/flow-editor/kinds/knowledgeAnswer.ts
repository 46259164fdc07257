import { Sparkles } from 'lucide-react';
import type { KindModel } from './types';

export const knowledgeAnswerKind: KindModel<'knowledgeAnswer'> = {
  icon: Sparkles,
  color: '#7c3aed',
  // Beside the FAQ: both answer questions; this one from the knowledge sources.
  paletteOrder: 5.5,
  newData: () => ({ askHelpful: true }),
  summary: (d) => d.question || d.text || '',
  searchTerms: (d) => [d.tone ?? '', d.answerVariable ?? ''],
  geometry: { outputs: 'rows', lines: 2, hasInput: true },
};
