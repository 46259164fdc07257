import { describe, expect, it } from 'vitest';
import { begin, eventNamed, say, send, texts } from './helpers';
import { faqFlow } from './intentFaqFlows';

describe('FAQ node', () => {
  it('asks, then answers the best match and follows answered', () => {
    const flow = faqFlow();
    const r0 = begin(flow);
    expect(texts(r0)).toEqual(['Ask me a question.']);
    expect(r0.input).toEqual({ type: 'text', nodeId: 'faq', inputKind: 'text' });
    const r = say(flow, r0.session, 'how much does delivery cost?');
    expect(texts(r)).toEqual(['Shipping is free over 100 PLN.', 'Anything else?']);
    expect(eventNamed(r, 'faqAnswered')).toMatchObject({ nodeId: 'faq', data: { itemId: 'shipping' } });
  });

  it('matches a question by its variants', () => {
    const flow = faqFlow();
    const r = say(flow, begin(flow).session, 'can I pay by card?');
    expect(texts(r)[0]).toBe('Card, BLIK and transfer.');
  });

  it('takes fallback and records the text when nothing matches well enough', () => {
    const flow = faqFlow();
    const r = say(flow, begin(flow).session, 'qwerty zxcvb');
    expect(texts(r)).toEqual(['I will ask a colleague.']);
    expect(eventNamed(r, 'fallback')).toMatchObject({ data: { text: 'qwerty zxcvb', nodeId: 'faq', reason: 'lowConfidence' } });
  });

  it('keeps waiting with the fallback text when fallback is unconnected', () => {
    const flow = faqFlow({ fallback: false });
    const r = say(flow, begin(flow).session, 'qwerty zxcvb');
    expect(texts(r)).toEqual(["Sorry, I didn't get that."]);
    expect(r.session).toMatchObject({ status: 'waiting', nodeId: 'faq' });
  });

  describe('asking whether the answer helped', () => {
    it('offers yes/no buttons and records a click', () => {
      const flow = faqFlow({ askHelpful: true });
      const r1 = say(flow, begin(flow).session, 'what is your return policy');
      expect(texts(r1)).toEqual(['You have 30 days to return.', 'Did that help?']);
      expect(r1.input).toEqual({
        type: 'choice',
        nodeId: 'faq',
        options: [
          { id: 'yes', label: 'Yes' },
          { id: 'no', label: 'No' },
        ],
        allowText: true,
      });
      const r2 = send(flow, r1.session, { type: 'option', optionId: 'no' });
      expect(eventNamed(r2, 'faqFeedback')).toMatchObject({ nodeId: 'faq', data: { itemId: 'returns', helpful: false } });
      expect(texts(r2)).toEqual(['Anything else?']);
      expect(r2.session.wait).toBeUndefined();
    });

    it('reads a typed yes with the yes/no parser', () => {
      const flow = faqFlow({ askHelpful: true });
      const r1 = say(flow, begin(flow).session, 'return policy');
      const r2 = say(flow, r1.session, 'Yes!');
      expect(eventNamed(r2, 'faqFeedback')).toMatchObject({ data: { itemId: 'returns', helpful: true } });
    });

    it('answers a follow-up question typed instead of yes/no, without recording feedback', () => {
      const flow = faqFlow({ askHelpful: true });
      const r1 = say(flow, begin(flow).session, 'return policy');
      const r2 = say(flow, r1.session, 'and do you take blik?');
      expect(eventNamed(r2, 'faqFeedback')).toBeUndefined();
      expect(texts(r2)).toEqual(['Card, BLIK and transfer.', 'Did that help?']);
      expect(r2.session.wait).toEqual({ kind: 'faqHelpful', itemId: 'payment' });
    });

    it('survives a JSON round-trip of the session between the two turns', () => {
      const flow = faqFlow({ askHelpful: true });
      const r1 = say(flow, begin(flow).session, 'return policy');
      const restored = JSON.parse(JSON.stringify(r1.session));
      expect(restored).toStrictEqual(r1.session);
      expect(eventNamed(say(flow, restored, 'nope'), 'faqFeedback')).toMatchObject({ data: { helpful: false } });
    });
  });
});
