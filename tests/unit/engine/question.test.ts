import { describe, expect, it } from 'vitest';
import type { QuestionData } from '../../../runtime/src/schema';
import { begin, edge, eventNamed, eventNames, flowOf, say, send, startTo, texts } from './helpers';

function questionFlow(data: Partial<QuestionData>, opts: { invalid?: boolean; locale?: string } = {}) {
  return flowOf({
    locale: opts.locale ?? 'en',
    settings: { fallbackText: 'Fallback!' },
    variables: [{ name: 'answer', type: 'string' }],
    nodes: [
      ...startTo('q').nodes,
      { id: 'q', type: 'question', data: { text: 'Your answer?', variable: 'answer', inputKind: 'text', ...data } },
      { id: 'ok', type: 'message', data: { text: 'Got {{answer}}' } },
      { id: 'bad', type: 'message', data: { text: 'Let me get a human' } },
    ],
    edges: [...startTo('q').edges, edge('q', 'ok', 'next'), ...(opts.invalid ? [edge('q', 'bad', 'invalid')] : [])],
  });
}

describe('question node', () => {
  it('asks and waits with a text input request carrying the hints', () => {
    const r = begin(questionFlow({ inputKind: 'text', pattern: '\\d+', minLength: 1, maxLength: 5, placeholder: '123' }));
    expect(texts(r)).toEqual(['Your answer?']);
    expect(r.session.status).toBe('waiting');
    expect(r.input).toEqual({ type: 'text', nodeId: 'q', inputKind: 'text', placeholder: '123', pattern: '\\d+', minLength: 1, maxLength: 5 });
  });

  it("tells the widget which number signs a question refuses, and only for number questions", () => {
    expect(begin(questionFlow({ inputKind: 'number' })).input).toEqual({ type: 'text', nodeId: 'q', inputKind: 'number' });
    expect(begin(questionFlow({ inputKind: 'number', allowNegative: false, allowDecimals: false })).input).toEqual({
      type: 'text',
      nodeId: 'q',
      inputKind: 'number',
      allowNegative: false,
      allowDecimals: false,
    });
    // Left over from an earlier number check, the options say nothing about a text question.
    expect(begin(questionFlow({ inputKind: 'text', allowNegative: false })).input).toEqual({ type: 'text', nodeId: 'q', inputKind: 'text' });
  });

  it('stores a valid answer, continues at next and records inputReceived', () => {
    const flow = questionFlow({ inputKind: 'number' });
    const r = say(flow, begin(flow).session, '12,5');
    expect(r.session.variables.answer).toBe(12.5);
    expect(texts(r)).toEqual(['Got 12.5']);
    expect(eventNames(r)[0]).toBe('inputReceived');
    expect(r.session.turn).toBe(2);
  });

  it.each([
    ['email', 'a@example.com', 'a@example.com'],
    ['phone', '+48 600 100 200', '+48600100200'],
    ['date', '24.12.2026', '2026-12-24'],
    ['yesNo', 'tak', true],
  ] as const)('stores %s answers normalised', (inputKind, answer, stored) => {
    const flow = questionFlow({ inputKind });
    expect(say(flow, begin(flow).session, answer).session.variables.answer).toBe(stored);
  });

  it('re-asks with the retry text while retries remain, then takes invalid', () => {
    const flow = questionFlow({ inputKind: 'number', retryText: 'A number, please.', maxRetries: 2 }, { invalid: true });
    let s = begin(flow).session;
    const r1 = say(flow, s, 'abc');
    expect(texts(r1)).toEqual(['A number, please.']);
    expect(r1.session.retries).toEqual({ q: 1 });
    expect(r1.session.status).toBe('waiting');
    expect(eventNamed(r1, 'validationFailed')?.data).toEqual({ reason: 'format', inputKind: 'number', retries: 1 });
    s = r1.session;
    const r2 = say(flow, s, 'def');
    expect(texts(r2)).toEqual(['A number, please.']);
    expect(r2.session.retries).toEqual({ q: 2 });
    const r3 = say(flow, r2.session, 'ghi');
    expect(texts(r3)).toEqual(['Let me get a human']);
    expect(r3.session.retries).toEqual({});
    expect(eventNames(r3)).toContain('validationFailed');
  });

  it('keeps the words of a yes/no answer it could not read, and of no other kind (personal data)', () => {
    const yesNo = questionFlow({ inputKind: 'yesNo' });
    const unclear = say(yesNo, begin(yesNo).session, 'maybe later');
    expect(eventNamed(unclear, 'validationFailed')?.data).toEqual({ reason: 'format', inputKind: 'yesNo', retries: 1, text: 'maybe later' });
    const email = questionFlow({ inputKind: 'email' });
    expect(eventNamed(say(email, begin(email).session, 'jan.kowalski@'), 'validationFailed')?.data).not.toHaveProperty('text');
  });

  it('takes invalid on the first rejection when maxRetries is 0', () => {
    const flow = questionFlow({ inputKind: 'email', maxRetries: 0 }, { invalid: true });
    expect(texts(say(flow, begin(flow).session, 'nope'))).toEqual(['Let me get a human']);
  });

  it('uses the default of two retries', () => {
    const flow = questionFlow({ inputKind: 'email' }, { invalid: true });
    let s = begin(flow).session;
    for (let i = 0; i < 2; i++) {
      const r = say(flow, s, 'x');
      expect(r.session.status).toBe('waiting');
      s = r.session;
    }
    expect(texts(say(flow, s, 'x'))).toEqual(['Let me get a human']);
  });

  it('with invalid unconnected, gives up after the retries instead of asking forever', () => {
    const flow = questionFlow({ inputKind: 'number', maxRetries: 1 });
    const r1 = say(flow, begin(flow).session, 'x');
    expect(r1.session.status).toBe('waiting');
    const r2 = say(flow, r1.session, 'y');
    expect(texts(r2)).toEqual(["Sorry, I still can't understand your answer. I'm passing you to a member of our team."]);
    expect(r2.session.status).toBe('handedOff');
    expect(r2.session.retries).toEqual({});
  });

  it('resets the retry count after a valid answer', () => {
    const flow = flowOf({
      variables: [{ name: 'n', type: 'number' }],
      nodes: [...startTo('q').nodes, { id: 'q', type: 'question', data: { text: 'n?', variable: 'n', inputKind: 'number' } }],
      edges: [...startTo('q').edges, edge('q', 'q', 'next')],
    });
    const r1 = say(flow, begin(flow).session, 'x');
    expect(r1.session.retries).toEqual({ q: 1 });
    const r2 = say(flow, r1.session, '3');
    expect(r2.session.retries).toEqual({});
    expect(r2.session.nodeId).toBe('q');
  });

  it('uses per-kind default retry texts in the flow locale', () => {
    const en = questionFlow({ inputKind: 'yesNo' });
    expect(texts(say(en, begin(en).session, 'hmm'))).toEqual(['Please answer yes or no.']);
    const pl = questionFlow({ inputKind: 'yesNo' }, { locale: 'pl' });
    expect(texts(say(pl, begin(pl).session, 'hmm'))).toEqual(['Odpowiedz proszę „tak” lub „nie”.']);
    const plNumber = questionFlow({ inputKind: 'number' }, { locale: 'pl' });
    expect(texts(say(plNumber, begin(plNumber).session, 'hmm'))[0]).toMatch(/liczb/);
  });

  it('renders templates in the question and retry texts', () => {
    const flow = flowOf({
      variables: [{ name: 'name', type: 'string', default: 'Ala' }, { name: 'age', type: 'number' }],
      nodes: [...startTo('q').nodes, { id: 'q', type: 'question', data: { text: '{{name}}, age?', variable: 'age', inputKind: 'number', retryText: 'Digits, {{name}}' } }],
      edges: startTo('q').edges,
    });
    const r = begin(flow);
    expect(texts(r)).toEqual(['Ala, age?']);
    expect(texts(say(flow, r.session, 'old'))).toEqual(['Digits, Ala']);
  });

  it('reads an option input as its label, and an unknown option as invalid', () => {
    const flow = flowOf({
      variables: [{ name: 'answer', type: 'string' }],
      nodes: [
        ...startTo('q').nodes,
        { id: 'q', type: 'question', data: { text: 'Sure?', variable: 'answer', inputKind: 'yesNo' } },
        { id: 'c', type: 'choice', data: { text: 'unreached', options: [{ id: 'opt-yes', label: 'Yes' }] } },
      ],
      edges: startTo('q').edges,
    });
    const s = begin(flow).session;
    expect(send(flow, s, { type: 'option', optionId: 'opt-yes' }).session.variables.answer).toBe(true);
    const r = send(flow, s, { type: 'option', optionId: 'nope' });
    expect(r.session.retries).toEqual({ q: 1 });
    expect(eventNamed(r, 'validationFailed')?.data?.reason).toBe('empty');
  });
});
