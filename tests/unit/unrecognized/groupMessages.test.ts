import { describe, expect, it } from 'vitest';
import { groupMessages, MAX_EXAMPLES, type UnrecognizedItem } from '../../../api/src/unrecognized/groupMessages';

let clock = 0;
const item = (text: string, more: Partial<UnrecognizedItem> = {}): UnrecognizedItem => ({
  text,
  nodeId: 'understand',
  version: 1,
  at: ++clock,
  reason: 'lowConfidence',
  best: null,
  ...more,
});

describe('groupMessages', () => {
  it('folds case, diacritics, punctuation and spacing into one wording', () => {
    const [g, ...rest] = groupMessages([item('Zwrot  TOWARU!'), item('zwrot towaru'), item('Zwrót towaru?')]);
    expect(rest).toEqual([]);
    expect(g).toMatchObject({ keys: ['zwrot towaru'], count: 3 });
    expect(g!.examples.sort()).toEqual(['Zwrot  TOWARU!', 'Zwrót towaru?', 'zwrot towaru']);
  });

  it('joins the same words in another order and word sets at least 75% alike, by stem', () => {
    const groups = groupMessages([
      item('gdzie jest moja paczka'),
      item('paczka moja gdzie jest'),
      item('gdzie moja paczka'),
      // Inflected: "zamówienia" and "zamówienie" share their first six letters.
      item('status mojego zamówienia'),
      item('status mojego zamówienie'),
    ]);
    expect(groups.map((g) => [g.keys.sort(), g.count])).toEqual([
      [['gdzie jest moja paczka', 'gdzie moja paczka', 'paczka moja gdzie jest'], 3],
      [['status mojego zamowienia', 'status mojego zamowienie'], 2],
    ]);
  });

  it('keeps messages apart that share only some words', () => {
    const groups = groupMessages([item('jak zwrócić buty'), item('jak zwrócić kurtkę'), item('zwrot'), item('zwrot pieniędzy')]);
    expect(groups).toHaveLength(4);
  });

  it('does not chain: a group is compared by its first wording, so it cannot drift', () => {
    // b is 75% like a; c is 80% like b but only 60% like a.
    const groups = groupMessages([item('aaa bbb ccc'), item('aaa bbb ccc ddd'), item('aaa bbb ccc ddd eee')]);
    expect(groups.map((g) => g.keys)).toEqual([['aaa bbb ccc', 'aaa bbb ccc ddd'], ['aaa bbb ccc ddd eee']]);
  });

  it('counts per step with the intent scored highest there, and the first and last time seen', () => {
    const [g] = groupMessages([
      item('hello there', { at: 100, best: 'greet' }),
      item('Hello there!', { at: 300, best: 'greet' }),
      item('hello there', { at: 200, nodeId: 'menu', reason: 'noMatch', version: 2 }),
    ]);
    expect(g).toMatchObject({
      count: 3,
      firstSeen: 100,
      lastSeen: 300,
      nodes: [
        { nodeId: 'understand', count: 2, best: 'greet' },
        { nodeId: 'menu', count: 1, best: null },
      ],
      reasons: ['lowConfidence', 'noMatch'],
      versions: [1, 2],
    });
  });

  it('orders groups by count, then by the newest; shows at most a few examples; skips empty text', () => {
    const spellings = ['Hej', 'hej!', 'HEJ', 'hej?', 'Hej.', 'hej ', ' hej', 'hEj'];
    const groups = groupMessages([item('old'), ...spellings.map((t) => item(t)), item('newer'), item('!!!')]);
    // "hej " and " hej" are typed forms of the same trimmed text: the most frequent one leads.
    expect(groups.map((g) => [g.text, g.count])).toEqual([
      ['hej', 8],
      ['newer', 1],
      ['old', 1],
    ]);
    expect(groups[0]!.examples).toHaveLength(MAX_EXAMPLES);
  });

  it('leads with the wording typed first among equally frequent ones, whatever order they are read in', () => {
    const [g] = groupMessages([item('HELLO there', { at: 50 }), item('Hello there!', { at: 10 }), item('hello there', { at: 30 })]);
    expect(g!.text).toBe('Hello there!');
    expect(g!.examples).toEqual(['Hello there!', 'hello there', 'HELLO there']);
  });

  it('leaves out what `keep` rejects', () => {
    const groups = groupMessages([item('one two'), item('three')], (key) => key !== 'three');
    expect(groups.map((g) => g.text)).toEqual(['one two']);
  });
});
