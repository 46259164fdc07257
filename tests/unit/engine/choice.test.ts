import { describe, expect, it } from 'vitest';
import { begin, edge, eventNamed, flowOf, say, send, startTo, texts } from './helpers';

function choiceFlow(opts: { noMatch?: boolean; variable?: boolean } = {}) {
  return flowOf({
    locale: 'pl',
    settings: { fallbackText: 'Nie rozumiem.' },
    variables: [{ name: 'topic', type: 'string' }],
    nodes: [
      ...startTo('menu').nodes,
      {
        id: 'menu',
        type: 'choice',
        data: {
          text: 'W czym mogę pomóc?',
          options: [
            { id: 'status', label: 'Status zamówienia' },
            { id: 'return', label: 'Zwrot towaru', synonyms: ['reklamacja'] },
          ],
          ...(opts.variable ? { variable: 'topic' } : {}),
        },
      },
      { id: 'm-status', type: 'message', data: { text: 'Podaj numer zamówienia.' } },
      { id: 'm-return', type: 'message', data: { text: 'Zwroty: {{topic}}' } },
      { id: 'm-nomatch', type: 'message', data: { text: 'Połączę z konsultantem.' } },
    ],
    edges: [
      ...startTo('menu').edges,
      edge('menu', 'm-status', 'status'),
      edge('menu', 'm-return', 'return'),
      ...(opts.noMatch ? [edge('menu', 'm-nomatch', 'noMatch')] : []),
    ],
  });
}

describe('choice node', () => {
  it('asks and waits with the options, allowing typed text', () => {
    const r = begin(choiceFlow());
    expect(texts(r)).toEqual(['W czym mogę pomóc?']);
    expect(r.session.status).toBe('waiting');
    expect(r.input).toEqual({
      type: 'choice',
      nodeId: 'menu',
      options: [
        { id: 'status', label: 'Status zamówienia' },
        { id: 'return', label: 'Zwrot towaru' },
      ],
      allowText: true,
    });
  });

  it('follows the clicked option handle', () => {
    const flow = choiceFlow();
    const r = send(flow, begin(flow).session, { type: 'option', optionId: 'status' });
    expect(texts(r)).toEqual(['Podaj numer zamówienia.']);
  });

  it('follows a typed label, synonym or number', () => {
    const flow = choiceFlow();
    const s = begin(flow).session;
    expect(texts(say(flow, s, 'zwrot towaru!'))).toEqual(['Zwroty: ']);
    expect(texts(say(flow, s, 'zwrot'))).toEqual(['Zwroty: ']);
    expect(texts(say(flow, s, 'REKLAMACJA'))).toEqual(['Zwroty: ']);
    expect(texts(say(flow, s, '1'))).toEqual(['Podaj numer zamówienia.']);
  });

  it('stores the chosen label when a variable is set', () => {
    const flow = choiceFlow({ variable: true });
    const r = say(flow, begin(flow).session, 'reklamacja');
    expect(r.session.variables.topic).toBe('Zwrot towaru');
    expect(texts(r)).toEqual(['Zwroty: Zwrot towaru']);
  });

  it('takes noMatch when connected and emits a fallback event with the text', () => {
    const flow = choiceFlow({ noMatch: true });
    const r = say(flow, begin(flow).session, 'pogoda');
    expect(texts(r)).toEqual(['Połączę z konsultantem.']);
    expect(eventNamed(r, 'fallback')).toMatchObject({ nodeId: 'menu', data: { reason: 'noMatch', text: 'pogoda' } });
  });

  it('without noMatch, says the fallback text and keeps offering the options', () => {
    const flow = choiceFlow();
    const r = say(flow, begin(flow).session, 'pogoda');
    expect(texts(r)).toEqual(['Nie rozumiem.']);
    expect(r.session.status).toBe('waiting');
    expect(r.session.nodeId).toBe('menu');
    expect(r.input.type).toBe('choice');
    expect(eventNamed(r, 'fallback')?.data).toEqual({ reason: 'noMatch', text: 'pogoda' });
    expect(texts(say(flow, r.session, 'status'))).toEqual(['Podaj numer zamówienia.']);
  });

  it('treats an unknown option id as no match', () => {
    const flow = choiceFlow();
    const r = send(flow, begin(flow).session, { type: 'option', optionId: 'ghost' });
    expect(texts(r)).toEqual(['Nie rozumiem.']);
    expect(eventNamed(r, 'fallback')?.data).toEqual({ reason: 'unknownOption', optionId: 'ghost' });
  });

  it('ends the conversation when the chosen option is not connected', () => {
    const flow = flowOf({
      nodes: [...startTo('c').nodes, { id: 'c', type: 'choice', data: { text: 'Pick', options: [{ id: 'a', label: 'A' }] } }],
      edges: startTo('c').edges,
    });
    const r = send(flow, begin(flow).session, { type: 'option', optionId: 'a' });
    expect(r.session.status).toBe('completed');
    expect(r.input).toEqual({ type: 'none' });
  });
});
