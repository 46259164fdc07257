import { describe, expect, it } from 'vitest';
import { fold, highlightRanges, termOf, tokenize } from '../../../api/src/knowledge/terms';

describe('knowledge terms', () => {
  it('folds Polish letters and case', () => {
    expect(fold('Zwrót ŁÓDŹ żółć Gęś')).toBe('zwrot lodz zolc ges');
  });

  it('brings Polish and English inflections to one term', () => {
    const same = (words: string[]) => new Set(words.map(termOf)).size;
    expect(same(['zwrot', 'zwrotu', 'zwroty', 'zwrotów', 'Zwrotami'])).toBe(1);
    expect(same(['return', 'returns', 'returned', 'Returning'])).toBe(1);
    expect(termOf('reklamacji')).toBe(termOf('reklamacja'));
    expect(termOf('zwrot')).not.toBe(termOf('zwrócić'));
  });

  it('drops function words in both languages', () => {
    expect(['the', 'and', 'czy', 'się', 'jak'].map(termOf)).toEqual([null, null, null, null, null]);
  });

  it('splits on anything but letters and digits, keeping Polish letters', () => {
    expect(tokenize('Ile kosztuje dostawa?! (kurier, 24h) — łódź')).toEqual(['Ile', 'kosztuje', 'dostawa', 'kurier', '24h', 'łódź']);
  });

  it('marks where matched words stand, whatever their form', () => {
    const text = 'Zwroty przyjmujemy. Zwrot trwa 14 dni.';
    const ranges = highlightRanges(text, new Set([termOf('zwrotu')!]));
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['Zwroty', 'Zwrot']);
  });
});
