import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffWords, tokenize, type TextDiffPart } from '../../../runtime/src/diff';

const side = (parts: TextDiffPart[], keep: 'insert' | 'delete') =>
  parts
    .filter((p) => p.op === 'equal' || p.op === keep)
    .map((p) => p.text)
    .join('');

describe('diffWords', () => {
  it('marks a replaced word, deletion first, and keeps the rest equal', () => {
    expect(diffWords('Your card arrives in 3 days.', 'Your card arrives in 5 days.')).toEqual([
      { op: 'equal', text: 'Your card arrives in ' },
      { op: 'delete', text: '3' },
      { op: 'insert', text: '5' },
      { op: 'equal', text: ' days.' },
    ]);
  });

  it('shows an inserted and a deleted word on their own', () => {
    expect(diffWords('Hello there', 'Hello there friend')).toEqual([
      { op: 'equal', text: 'Hello there' },
      { op: 'insert', text: ' friend' },
    ]);
    expect(diffWords('Please wait a moment', 'Please wait')).toEqual([
      { op: 'equal', text: 'Please wait' },
      { op: 'delete', text: ' a moment' },
    ]);
  });

  it('changes only the punctuation mark when only it differs', () => {
    expect(diffWords('Thanks.', 'Thanks!')).toEqual([
      { op: 'equal', text: 'Thanks' },
      { op: 'delete', text: '.' },
      { op: 'insert', text: '!' },
    ]);
  });

  it('joins neighbouring changes across a single space instead of interleaving them', () => {
    expect(diffWords('order status now', 'refund policy now')).toEqual([
      { op: 'delete', text: 'order status' },
      { op: 'insert', text: 'refund policy' },
      { op: 'equal', text: ' now' },
    ]);
  });

  it('treats Polish words with diacritics as whole words', () => {
    expect(tokenize('Zamówienie łóżka')).toEqual(['Zamówienie', ' ', 'łóżka']);
    expect(diffWords('Dziękujemy za zamówienie', 'Dziękujemy za cierpliwość')).toEqual([
      { op: 'equal', text: 'Dziękujemy za ' },
      { op: 'delete', text: 'zamówienie' },
      { op: 'insert', text: 'cierpliwość' },
    ]);
  });

  it('handles empty sides and identical texts', () => {
    expect(diffWords('', 'New text')).toEqual([{ op: 'insert', text: 'New text' }]);
    expect(diffWords('Old text', '')).toEqual([{ op: 'delete', text: 'Old text' }]);
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('Same {{name}}', 'Same {{name}}')).toEqual([{ op: 'equal', text: 'Same {{name}}' }]);
  });

  it('replaces very long unrelated texts wholesale rather than building a huge table', () => {
    const a = Array.from({ length: 2500 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 2500 }, (_, i) => `b${i}`).join(' ');
    expect(diffWords(a, b)).toEqual([
      { op: 'delete', text: a },
      { op: 'insert', text: b },
    ]);
  });

  it('always rebuilds both texts and never leaves two neighbouring parts with one op', () => {
    const words = fc.constantFrom('the', 'card', 'is', 'blocked', 'ok', ',', '.', ' ', '  ', '\n', 'łóżko', '{{x}}');
    const text = fc.array(words, { maxLength: 30 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffWords(before, after);
        expect(side(parts, 'delete')).toBe(before);
        expect(side(parts, 'insert')).toBe(after);
        parts.forEach((p, i) => {
          expect(p.text).not.toBe('');
          if (i > 0) expect(p.op).not.toBe(parts[i - 1]!.op);
        });
        if (before === after) expect(parts.every((p) => p.op === 'equal')).toBe(true);
      }),
    );
  });
});
