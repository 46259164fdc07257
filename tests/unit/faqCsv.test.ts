import { describe, expect, it } from 'vitest';
import { parseFaqCsv } from '../../editor/src/flow-editor/inspector/faqCsv';

describe('parseFaqCsv', () => {
  it('reads question,answer lines without a header', () => {
    const r = parseFaqCsv('Opening hours?,9 to 5\nWhere are you?,Main street 1\n');
    expect(r.hadHeader).toBe(false);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 1, question: 'Opening hours?', answer: '9 to 5' },
      { line: 2, question: 'Where are you?', answer: 'Main street 1' },
    ]);
  });

  it('skips an English or Polish header, a BOM and blank lines', () => {
    expect(parseFaqCsv('\uFEFFQuestion,Answer\n\nA?,B\n').rows).toEqual([{ line: 3, question: 'A?', answer: 'B' }]);
    const pl = parseFaqCsv('Pytanie,Odpowiedź\r\nGdzie?,Tutaj\r\n');
    expect(pl.hadHeader).toBe(true);
    expect(pl.rows).toEqual([{ line: 2, question: 'Gdzie?', answer: 'Tutaj' }]);
  });

  it('handles RFC 4180 quoting: commas, doubled quotes and line breaks inside quotes', () => {
    const csv = 'question,answer\n"Do you ship to Poland, Germany?","Yes, we do.\nSee ""Shipping"" page."\nNext?,Ok\n';
    const r = parseFaqCsv(csv);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, question: 'Do you ship to Poland, Germany?', answer: 'Yes, we do.\nSee "Shipping" page.' },
      // The quoted answer spans lines 2-3, so the next record starts on line 4.
      { line: 4, question: 'Next?', answer: 'Ok' },
    ]);
  });

  it('reads semicolon files as saved by spreadsheets in comma-decimal locales', () => {
    const r = parseFaqCsv('pytanie;odpowiedź\nIle kosztuje dostawa?;"9,99 zł"\n');
    expect(r.rows).toEqual([{ line: 2, question: 'Ile kosztuje dostawa?', answer: '9,99 zł' }]);
  });

  it('reports bad lines with their line numbers and keeps the good ones', () => {
    const csv = ['question,answer', 'Good?,Yes', 'only one column', 'a,b,c', ',no question', 'no answer,', 'Fine?,Sure,,'].join('\n');
    const r = parseFaqCsv(csv);
    expect(r.rows.map((x) => x.line)).toEqual([2, 7]);
    expect(r.errors).toEqual([
      { line: 3, code: 'columns', count: 1 },
      { line: 4, code: 'columns', count: 3 },
      { line: 5, code: 'emptyQuestion' },
      { line: 6, code: 'emptyAnswer' },
    ]);
  });

  it('reports an unclosed quote at the line it opens, and text after a closing quote', () => {
    expect(parseFaqCsv('A?,B\n"Broken,answer\nC?,D').errors).toEqual([{ line: 2, code: 'unclosedQuote' }]);
    expect(parseFaqCsv('"Q"x,A\n').errors).toEqual([{ line: 1, code: 'textAfterQuote' }]);
  });

  it('refuses texts longer than the schema allows', () => {
    const r = parseFaqCsv(`${'q'.repeat(501)},a\nok,${'a'.repeat(5000)}`);
    expect(r.errors).toEqual([{ line: 1, code: 'tooLong' }]);
    expect(r.rows).toHaveLength(1);
  });
});
