import { describe, expect, it } from 'vitest';
import { normalize, tokens } from '../../../runtime/src/text/normalize';

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
