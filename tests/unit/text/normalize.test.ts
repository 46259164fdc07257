import { describe, expect, it } from 'vitest';
import { normalize, tokens } from '../../../runtime/src/text/normalize';
import fc from 'fast-check';

describe('normalize', () => {
  it('lowercases, strips punctuation and collapses whitespace', () => {
    expect(normalize('  Zwrot   TOWARU!! ')).toBe('zwrot towaru');
    expect(normalize('order-status?')).toBe('order status');
    expect(normalize('"Hello", world.')).toBe('hello world');
  });

  it('removes Polish diacritics, including ł which NFKD does not decompose', () => {
    expect(normalize('Zażółć gęślą jaźń')).toBe('zazolc gesla jazn');
    expect(normalize('ŁÓDŹ')).toBe('lodz');
    expect(normalize('Płatność')).toBe('platnosc');
  });

  it('folds other accents and compatibility forms', () => {
    expect(normalize('Crème Brûlée')).toBe('creme brulee');
    expect(normalize('Straße')).toBe('strasse');
    expect(normalize('ﬁle')).toBe('file');
  });

  it('keeps digits and returns empty for punctuation only', () => {
    expect(normalize('Order #123')).toBe('order 123');
    expect(normalize('?!...')).toBe('');
  });
});

describe('tokens', () => {
  it('splits normalised words', () => {
    expect(tokens('Zwrot, towaru!')).toEqual(['zwrot', 'towaru']);
    expect(tokens('   ')).toEqual([]);
  });
});

/** The plain whole-text pipeline that `normalize` must agree with on every input. */
function reference(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łđøßæœıþ]/g, (ch) => ({ ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' })[ch] ?? ch)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

describe('normalize shortcuts', () => {
  const sample = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCharCode(c));
  const char = fc.oneof(
    sample(0x20, 0x7e),
    sample(0x80, 0x24f), // the Latin table, every character of it
    sample(0x250, 0x36f), // IPA and combining marks, which leave the table
    fc.constantFrom('İ', 'ǅ', 'ŉ', 'ﬁ', 'K', 'Σ', 'ς', 'ё', '١', '👍', '\u00a0', '\t'),
  );

  it('agrees with the whole-text pipeline on ASCII, Latin and mixed text', () => {
    fc.assert(fc.property(fc.array(char, { maxLength: 24 }).map((cs) => cs.join('')), (text) => {
      expect(normalize(text)).toBe(reference(text));
    }), { numRuns: 3000 });
  });

  it('agrees on every single character of the Latin table', () => {
    for (let c = 0x80; c < 0x250; c++) {
      const ch = String.fromCharCode(c);
      expect(normalize(`A${ch}b`)).toBe(reference(`A${ch}b`));
    }
  });
});
