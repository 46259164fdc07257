import { describe, expect, it } from 'vitest';
import { begin, edge, eventNamed, eventNames, flowOf, say, send, startTo, texts } from './helpers';
import { parseRating } from '../../../runtime/src/engine/answers/rating';

function csatFlow(askComment = false, locale = 'en') {
  return flowOf({
    locale,
    nodes: [
      ...startTo('csat').nodes,
      { id: 'csat', type: 'satisfaction', data: { text: 'How did we do?', ...(askComment ? { askComment: true } : {}) } },
      { id: 'thanks', type: 'end', data: { text: 'Thank you, {{csatRating}}/5 noted.' } },
    ],
    edges: [...startTo('csat').edges, edge('csat', 'thanks', 'next')],
  });
}

describe('parseRating', () => {
  it.each([
    ['5', 5],
    [' 1 ', 1],
    ['4/5', 4],
    ['3 / 5', 3],
    ['4 out of 5', 4],
    ['2 stars', 2],
    ['★★★★', 4],
    ['★★★☆☆', 3],
    ['⭐⭐⭐⭐⭐', 5],
    ['****', 4],
    ['four', 4],
    ['cztery', 4],
    ['5 gwiazdek', 5],
  ])('reads %j as %d', (text, rating) => expect(parseRating(text)).toBe(rating));

  it.each(['0', '6', '10', '4.5', 'great', '', '★★★★★★', '☆☆', '6/5'])('refuses %j', (text) => expect(parseRating(text)).toBeNull());
});

describe('satisfaction node', () => {
  it('asks for a rating as stars', () => {
    const r = begin(csatFlow());
    expect(texts(r)).toEqual(['How did we do?']);
    expect(r.input).toEqual({ type: 'rating', nodeId: 'csat', scale: 5, allowComment: false });
  });

  it('records the rating as a csat event and a variable, then follows next', () => {
    const flow = csatFlow();
    const r = say(flow, begin(flow).session, '4/5');
    expect(eventNamed(r, 'csat')).toEqual({ name: 'csat', at: expect.any(Number), nodeId: 'csat', data: { rating: 4 } });
    expect(texts(r)).toEqual(['Thank you, 4/5 noted.']);
    expect(r.session.status).toBe('completed');
  });

  it('accepts a star button sent as an option', () => {
    const flow = csatFlow();
    const r = send(flow, begin(flow).session, { type: 'option', optionId: '5' });
    expect(eventNamed(r, 'csat')?.data).toEqual({ rating: 5 });
  });

  it('re-asks on something that is not a rating, then moves on without one', () => {
    const flow = csatFlow();
    let r = say(flow, begin(flow).session, 'meh');
    expect(texts(r)).toEqual(['Please choose a rating from 1 to 5.']);
    expect(eventNamed(r, 'validationFailed')?.data).toMatchObject({ reason: 'notARating', retries: 1 });
    r = say(flow, r.session, 'whatever');
    r = say(flow, r.session, 'no');
    expect(eventNames(r)).not.toContain('csat');
    expect(r.session.status).toBe('completed');
  });

  it('asks for an optional comment as a second turn', () => {
    const flow = csatFlow(true);
    const r1 = say(flow, begin(flow).session, '2');
    expect(eventNamed(r1, 'csat')).toBeUndefined();
    expect(texts(r1)).toEqual(['Thanks! Anything you would like to add?']);
    expect(r1.input).toEqual({ type: 'choice', nodeId: 'csat', options: [{ id: 'skip', label: 'No, thanks' }], allowText: true });
    const r2 = say(flow, r1.session, 'The courier was late.');
    expect(eventNamed(r2, 'csat')?.data).toEqual({ rating: 2, comment: 'The courier was late.' });
    expect(r2.session.variables).toMatchObject({ csatRating: 2, csatComment: 'The courier was late.' });
  });

  it('records no comment when the customer skips it', () => {
    const flow = csatFlow(true);
    const r1 = say(flow, begin(flow).session, '5');
    const r2 = send(flow, r1.session, { type: 'option', optionId: 'skip' });
    expect(eventNamed(r2, 'csat')?.data).toEqual({ rating: 5 });
    const r3 = say(flow, r1.session, 'no');
    expect(eventNamed(r3, 'csat')?.data).toEqual({ rating: 5 });
  });

  it('speaks Polish in a Polish flow', () => {
    const flow = csatFlow(true, 'pl');
    const r = say(flow, begin(flow).session, 'x');
    expect(texts(r)).toEqual(['Wybierz ocenę od 1 do 5.']);
    expect(texts(say(flow, r.session, '5'))).toEqual(['Dziękujemy! Czy chcesz coś dodać?']);
  });
});
