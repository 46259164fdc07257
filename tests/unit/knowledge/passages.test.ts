import { describe, expect, it } from 'vitest';
import { PASSAGE_WORDS, passageText, splitPassages, splitPassagesYielding } from '../../../api/src/knowledge/passages';

const words = (n: number, stem = 'word') => Array.from({ length: n }, (_, i) => `${stem}${i}`).join(' ');
const sentences = (count: number, length: number, stem = 's') =>
  Array.from({ length: count }, (_, i) => `${words(length - 1, `${stem}${i}w`)} end${i}.`).join(' ');
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('splitting text into passages', () => {
  it('never puts two sections in one passage and heads each passage with its section', () => {
    const text = '# Returns\n\nYou can return anything within 30 days.\n\n# Delivery\n\nCouriers deliver in 2 days.';
    const passages = splitPassages(text);
    expect(passages).toEqual([
      { heading: 'Returns', text: 'You can return anything within 30 days.' },
      { heading: 'Delivery', text: 'Couriers deliver in 2 days.' },
    ]);
    expect(passageText(passages[0]!)).toBe('Returns\nYou can return anything within 30 days.');
  });

  it('packs short paragraphs together up to the maximum', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => sentences(1, 40, `p${i}`)).join('\n\n');
    const passages = splitPassages(paragraphs);
    for (const p of passages) expect(wordCount(p.text)).toBeLessThanOrEqual(PASSAGE_WORDS.max);
    // 480 words in 40-word paragraphs: two or three passages, not twelve.
    expect(passages.length).toBeGreaterThanOrEqual(2);
    expect(passages.length).toBeLessThanOrEqual(3);
  });

  it('cuts one long paragraph at sentence ends, repeating the last sentence in the next passage', () => {
    const text = sentences(30, 20);
    const passages = splitPassages(text);
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages) {
      expect(wordCount(p.text)).toBeLessThanOrEqual(PASSAGE_WORDS.max);
      expect(p.text.endsWith('.')).toBe(true);
    }
    const firstEnd = passages[0]!.text.split(' ').slice(-20).join(' ');
    expect(passages[1]!.text.startsWith(firstEnd)).toBe(true);
    // Every sentence is in some passage.
    for (let i = 0; i < 30; i++) expect(passages.some((p) => p.text.includes(`end${i}.`))).toBe(true);
  });

  it('breaks a text with no sentence ends by length', () => {
    const passages = splitPassages(words(1000));
    expect(passages.length).toBeGreaterThanOrEqual(4);
    for (const p of passages) expect(wordCount(p.text)).toBeLessThanOrEqual(PASSAGE_WORDS.max + PASSAGE_WORDS.overlap);
  });

  it('gives the same passages when splitting a turn at a time', async () => {
    const text = Array.from({ length: 700 }, (_, i) => (i % 7 === 0 ? `# Section ${i}` : sentences(2, 15, `b${i}`))).join('\n\n');
    const passages = await splitPassagesYielding(text);
    expect(passages).toEqual(splitPassages(text));
    expect(passages.length).toBeGreaterThan(50);
  });

  it('yields nothing for empty text', () => {
    expect(splitPassages('  \n\n ')).toEqual([]);
  });
});
