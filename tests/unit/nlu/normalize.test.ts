import { describe, expect, it } from 'vitest';
import { charNgrams, nluStems, nluWords, textFeatures } from '../../../runtime/src/nlu/normalize';
import { stemEnglish, stemPolish } from '../../../runtime/src/nlu/stem';

describe('nlu normalisation', () => {
  it('folds case, Polish diacritics and punctuation', () => {
    expect(nluWords('Gdzie jest MOJE zamówienie?!')).toEqual(['gdzie', 'jest', 'moje', 'zamowienie']);
    expect(nluWords('ZAMOWIENIE')).toEqual(nluWords('zamówienie'));
    expect(nluWords('Łódź, żółć')).toEqual(['lodz', 'zolc']);
  });

  it('stems Polish inflections of one noun onto one stem', () => {
    const forms = ['zamówienie', 'zamówienia', 'zamówieniem', 'zamówieniu', 'zamówień', 'zamówieniami', 'zamowieniach'];
    const stems = new Set(forms.map((f) => nluStems(f, 'pl')[0]));
    expect(stems).toEqual(new Set(['zamowien']));
  });

  it('stems Polish verb and adjective forms', () => {
    expect(stemPolish('zamowic')).toBe(stemPolish('zamowilem'));
    expect(stemPolish('nowego')).toBe(stemPolish('nowemu'));
    // Short words are left alone rather than cut to nothing.
    expect(stemPolish('mam')).toBe('mam');
  });

  it('stems English inflections onto one stem', () => {
    expect(new Set(['charge', 'charges', 'charged', 'charging'].map(stemEnglish))).toEqual(new Set(['charg']));
    expect(stemEnglish('cards')).toBe(stemEnglish('card'));
    expect(stemEnglish('topped')).toBe(stemEnglish('top'));
    expect(stemEnglish('cities')).toBe('city');
    expect(stemEnglish('address')).toBe('address');
  });

  it('uses the language part of a locale and leaves unknown languages unstemmed', () => {
    expect(nluStems('zamówienia', 'pl-PL')).toEqual(['zamowien']);
    expect(nluStems('charges', 'en-GB')).toEqual(['charg']);
    expect(nluStems('Bestellungen', 'de')).toEqual(['bestellungen']);
  });

  it('builds 3- and 4-character n-grams inside word edges', () => {
    expect(charNgrams('kot')).toEqual(['^ko', 'kot', 'ot$', '^kot', 'kot$']);
    // Models stored before version 3 also had 5-grams.
    expect(charNgrams('kot', [], 5)).toEqual(['^ko', 'kot', 'ot$', '^kot', 'kot$', '^kot$']);
    expect(charNgrams('a')).toEqual(['^a$']);
  });

  it('keeps most character n-grams when one letter is mistyped', () => {
    const shared = (a: string, b: string) => {
      const x = new Set(textFeatures(a, 'pl').chars);
      const y = textFeatures(b, 'pl').chars;
      return y.filter((g) => x.has(g)).length / y.length;
    };
    expect(shared('zamówienie', 'zamówinie')).toBeGreaterThan(0.4);
    expect(shared('zamówienie', 'zamuwienie')).toBeGreaterThan(0.4);
    expect(shared('zamówienie', 'pogoda')).toBe(0);
  });

  it('gives words, stem bigrams and character n-grams', () => {
    const f = textFeatures('Cards charged twice', 'en');
    expect(f.words).toEqual(['card', 'charg', 'twic']);
    expect(f.bigrams).toEqual(['card charg', 'charg twic']);
    expect(f.chars).toContain('^car');
    expect(f.chars).not.toContain('s c');
  });

  it('gives nothing for punctuation only', () => {
    expect(textFeatures('?!…', 'en')).toEqual({ words: [], bigrams: [], chars: [] });
  });
});
