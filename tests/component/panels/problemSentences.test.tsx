import { describe, expect, it } from 'vitest';
import { EXIT_LABELS, PROBLEM_CODES, type FlowNode } from '../../../runtime/src';
import { i18n, initI18n } from '../../../editor/src/i18n';
import { problemSentence } from '../../../editor/src/flow-editor/panels/problemSentence';

const question: FlowNode = { id: 'ask', type: 'question', position: { x: 0, y: 0 }, data: { text: 'Numer zamówienia?', variable: 'order', inputKind: 'orderNumber' } };
initI18n('en');

const codes = Object.keys(PROBLEM_CODES) as (keyof typeof PROBLEM_CODES)[];

describe('problem sentences', () => {
  for (const lang of ['en', 'pl'] as const) {
    it(`every problem code has a ${lang} sentence with and without a step, each a whole sentence`, () => {
      const t = i18n.getFixedT(lang, 'panels');
      for (const code of codes) {
        for (const form of ['step', 'flow'] as const) {
          const key = `problems.sentences.${code}.${form}`;
          expect(i18n.exists(key, { lng: lang, ns: 'panels', fallbackLng: [] }), `${lang} ${key}`).toBe(true);
          const text = t(key, { step: '„X”', exit: 'Y', attempts: 3, afterwards: 'Z' });
          expect(text, `${lang} ${key}`).toMatch(/^[A-ZĄĆĘŁŃÓŚŹŻ„“"].*[.!?]$/u);
          expect(text).not.toMatch(/\{\{/);
        }
      }
    });
  }

  it('names the step and the canvas label of the exit in Polish for every code about a step', () => {
    const t = i18n.getFixedT('pl', 'panels');
    // A missing start is about the flow; no step can carry it.
    for (const code of codes.filter((c) => c !== 'missing-start')) {
      const text = problemSentence({ severity: 'error', code, message: 'English', nodeId: 'ask', handle: 'invalid' }, { node: question, afterRetries: 'end' }, t, 'pl');
      expect(text, code).not.toBe('English');
      expect(text, code).toContain('„Numer zamówienia?” (Pytanie)');
      if (text.includes('Wyjście')) expect(text, code).toContain(`„${EXIT_LABELS.pl.invalid}”`);
    }
  });

  it('keeps the validator sentence in English, which already names step and exit with the same labels', () => {
    const t = i18n.getFixedT('en', 'panels');
    const message = `The "${EXIT_LABELS.en.invalid}" exit of the question 'Numer zamówienia?' is not connected.`;
    expect(problemSentence({ severity: 'warning', code: 'retry-exit-unconnected', message, nodeId: 'ask', handle: 'invalid' }, { node: question, afterRetries: 'end' }, t, 'en')).toBe(message);
  });
});
