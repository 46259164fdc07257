/**
 * Grouping unrecognised messages for the review list (api/src/unrecognized/groupMessages.ts), at
 * the most the API reads at once: 5,000 fallbacks plus 5,000 unclear answers. Against a same-run
 * baseline, normalising the same texts (the least any grouping must do), with the printed ratio;
 * and at a quarter of the size, to show the cost grows about linearly. Two shapes: customers
 * repeating a few hundred questions in many wordings, and the worst case for the candidate
 * search, every message distinct and sharing one common word.
 */
import { groupMessages, type UnrecognizedItem } from '../../api/src/unrecognized/groupMessages';
import { normalize } from '../../runtime/src/text';

const WORDS = ['gdzie', 'jest', 'moja', 'paczka', 'zamówienie', 'zwrot', 'pieniędzy', 'kiedy', 'dostawa', 'kurier', 'faktura', 'reklamacja', 'rozmiar', 'kolor', 'sklep', 'godziny', 'otwarcia', 'płatność', 'karta', 'blik', 'przelew', 'kod', 'rabatowy', 'konto', 'hasło', 'adres', 'zmiana', 'anulować', 'wymiana', 'gwarancja'];

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

/** A few hundred questions, each typed in several ways (case, punctuation, word order, a word dropped). */
function repeated(n: number): UnrecognizedItem[] {
  const questions = Array.from({ length: 300 }, () => Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(WORDS)));
  return Array.from({ length: n }, (_, i) => {
    const words = [...pick(questions)];
    if (random() < 0.3) words.reverse();
    if (random() < 0.2 && words.length > 3) words.splice(1, 1);
    const text = `${random() < 0.5 ? words.join(' ') : words.join(' ').toUpperCase()}${pick(['', '?', '!', '...'])}`;
    return { text, nodeId: pick(['understand', 'faq', 'menu']), version: 1, at: i, reason: 'lowConfidence', best: null };
  });
}

/** Every message distinct, all sharing "jak": the candidate lists of that word grow with every group. */
function distinct(n: number): UnrecognizedItem[] {
  return Array.from({ length: n }, (_, i) => ({ text: `jak ${i.toString(36)} ${pick(WORDS)} x${i}`, nodeId: 'understand', version: 1, at: i, reason: 'lowConfidence', best: null }));
}

function cpuMs(fn: () => unknown, runs = 5): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

for (const [name, make] of [
  ['repeated wordings', repeated],
  ['all distinct, one shared word', distinct],
] as const) {
  for (const n of [2_500, 10_000]) {
    const items = make(n);
    groupMessages(items);
    const base = cpuMs(() => items.map((i) => normalize(i.text)));
    const grouped = cpuMs(() => groupMessages(items));
    const groups = groupMessages(items).length;
    console.log(
      `${name}, ${n} messages -> ${groups} groups: ${grouped.toFixed(1)} CPU-ms; baseline normalise ${base.toFixed(1)} CPU-ms; ratio ${(grouped / base).toFixed(1)}x`,
    );
  }
}
