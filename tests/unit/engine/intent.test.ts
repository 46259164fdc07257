import { describe, expect, it } from 'vitest';
import { begin, ctxAt, eventNamed, say, send, texts } from './helpers';
import { buildFlowModels } from '../../../runtime/src/nlu/flowModels';
import { currentInput } from '../../../runtime/src/engine';
import { intentFlow } from './intentFaqFlows';

describe('intent node', () => {
  it('waits silently for free text when it has no prompt', () => {
    const flow = intentFlow();
    const r = begin(flow);
    expect(texts(r)).toEqual([]);
    expect(r.session).toMatchObject({ status: 'waiting', nodeId: 'understand' });
    expect(r.input).toEqual({ type: 'text', nodeId: 'understand', inputKind: 'text' });
  });

  it('says its prompt before waiting', () => {
    const r = begin(intentFlow({ text: 'How can I help?' }));
    expect(texts(r)).toEqual(['How can I help?']);
  });

  it.each([
    ['where is my parcel?', 'm-track', 'track order', 'Let me look up your order.'],
    ['I would like a refund', 'm-refund', 'refund', 'Refunds take 5 days.'],
    ['What are your opening hours?', 'm-hours', 'opening hours', 'We are open 9-17.'],
  ])('routes %j to its intent and stores name and confidence', (text, target, name, reply) => {
    const flow = intentFlow();
    const r = say(flow, begin(flow).session, text);
    expect(texts(r)).toEqual([reply]);
    expect(r.session.variables.intent).toBe(name);
    expect(r.session.variables.confidence).toBeGreaterThan(0);
    expect(eventNamed(r, 'nodeEntered')).toBeDefined();
    expect(eventNamed(r, 'intentMatched')).toMatchObject({ nodeId: 'understand', data: { intent: name } });
    expect(r.effects.some((e) => e.type === 'event' && e.event.name === 'nodeEntered' && e.event.nodeId === target)).toBe(true);
  });

  it('takes fallback for gibberish and records the text, node and reason', () => {
    const flow = intentFlow();
    const r = say(flow, begin(flow).session, 'xqzv plumbus grrk');
    expect(texts(r)).toEqual(['Let me get you a person.']);
    const fallback = eventNamed(r, 'fallback');
    expect(fallback).toMatchObject({ nodeId: 'understand', data: { text: 'xqzv plumbus grrk', nodeId: 'understand', reason: 'lowConfidence' } });
    expect(typeof fallback!.data!.confidence).toBe('number');
    expect(r.session.variables.intent).toBeNull();
  });

  it('records the intent it scored highest with a fallback, for the review to suggest', () => {
    // A threshold no message clears: the parcel question falls back, but "track" was closest.
    const flow = intentFlow({ threshold: 1 });
    const r = say(flow, begin(flow).session, 'where is my parcel?');
    expect(eventNamed(r, 'fallback')?.data).toMatchObject({ reason: 'lowConfidence', best: 'track' });
  });

  it('takes fallback for a "none of these" phrase', () => {
    const flow = intentFlow();
    const r = say(flow, begin(flow).session, 'what is the weather like today');
    expect(texts(r)).toEqual(['Let me get you a person.']);
  });

  it('says the fallback text and keeps waiting when fallback is unconnected', () => {
    const flow = intentFlow({ fallback: false });
    const r = say(flow, begin(flow).session, 'xqzv plumbus grrk');
    expect(texts(r)).toEqual(["Sorry, I didn't get that."]);
    expect(r.session).toMatchObject({ status: 'waiting', nodeId: 'understand' });
    const again = say(flow, r.session, 'refund please');
    expect(texts(again)).toEqual(['Refunds take 5 days.']);
  });

  it('honours a threshold set on the node', () => {
    const base = intentFlow();
    const strict = structuredClone(base);
    const node = strict.nodes.find((n) => n.id === 'understand')!;
    if (node.type !== 'intent') throw new Error('fixture');
    node.data.threshold = 1;
    const r = say(strict, begin(strict).session, 'where is my order');
    expect(texts(r)).toEqual(['Let me get you a person.']);
  });

  it('uses the models the host passes and never trains when they are given', () => {
    const flow = intentFlow();
    const models = buildFlowModels(flow);
    const ctx = ctxAt(undefined, { models });
    const r = say(flow, begin(flow, ctx).session, 'refund please', ctx);
    expect(texts(r)).toEqual(['Refunds take 5 days.']);
    // Without this node's model the host has nothing to classify with: always fallback.
    const none = ctxAt(undefined, { models: {} });
    expect(texts(say(flow, begin(flow, none).session, 'refund please', none))).toEqual(['Let me get you a person.']);
  });

  it('reads a stale button click as its label', () => {
    const flow = intentFlow();
    const r = send(flow, begin(flow).session, { type: 'option', optionId: 'nope' });
    expect(eventNamed(r, 'fallback')).toBeDefined();
  });

  it('understands Polish without diacritics', () => {
    const flow = intentFlow({ locale: 'pl' });
    const node = flow.nodes.find((n) => n.id === 'understand')!;
    if (node.type !== 'intent') throw new Error('fixture');
    node.data.intents[0]!.examples.push('gdzie jest moje zamówienie', 'status zamówienia');
    const r = say(flow, begin(flow).session, 'gdzie jest moje zamowienie');
    expect(texts(r)).toEqual(['Let me look up your order.']);
    expect(currentInput(flow, begin(flow).session)).toEqual({ type: 'text', nodeId: 'understand', inputKind: 'text' });
  });
});

describe('intent node thresholds', () => {
  it('does not route a message that only brushes an intent\'s vocabulary', () => {
    const flow = intentFlow();
    expect(texts(say(flow, begin(flow).session, 'my name is John'))).toEqual(['Let me get you a person.']);
  });
});
