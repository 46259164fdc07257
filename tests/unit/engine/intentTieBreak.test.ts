import { describe, expect, it } from 'vitest';
import { begin, eventNamed, say, send, texts } from './helpers';
import { currentInput } from '../../../runtime/src/engine';
import type { Effect } from '../../../runtime/src/engine/types';
import { intentFlow } from './intentFaqFlows';
import type { FlowDocument } from '../../../runtime/src/schema';

/** The order-help bot with "When unsure, ask the language model" switched on. */
function unsureFlow(opts: { fallback?: boolean; budget?: number; threshold?: number } = {}): FlowDocument {
  const flow = intentFlow({ ...(opts.fallback === false ? { fallback: false } : {}), ...(opts.threshold !== undefined ? { threshold: opts.threshold } : {}) });
  const node = flow.nodes.find((n) => n.id === 'understand')!;
  if (node.type !== 'intent') throw new Error('fixture');
  node.data.askModelWhenUnsure = true;
  if (opts.budget !== undefined) node.data.modelTimeBudget = opts.budget;
  return flow;
}

const pickEffect = (effects: Effect[]) => effects.find((e) => e.type === 'intentPick');

describe('intent step: when unsure, ask the language model', () => {
  it('below the threshold asks the host to pick among the intents, with a few examples each, and waits', () => {
    const flow = unsureFlow({ budget: 5 });
    const r = say(flow, begin(flow).session, 'xqzv plumbus grrk');
    expect(texts(r)).toEqual([]);
    expect(eventNamed(r, 'fallback')).toBeUndefined();
    const effect = pickEffect(r.effects);
    expect(effect).toMatchObject({ type: 'intentPick', nodeId: 'understand', request: { text: 'xqzv plumbus grrk', timeoutMs: 5000 } });
    if (effect?.type !== 'intentPick') throw new Error('no pick');
    expect(effect.request.intents.map((i) => i.id)).toEqual(['track', 'refund', 'hours']);
    expect(effect.request.intents[0]).toEqual({ id: 'track', name: 'track order', examples: ['where is my order', 'track my parcel', 'when will my package arrive'] });
    expect(r.session).toMatchObject({ status: 'waiting', nodeId: 'understand', wait: { kind: 'intentPick', text: 'xqzv plumbus grrk' } });
    expect(r.input).toEqual({ type: 'none' });
    expect(currentInput(flow, r.session)).toEqual({ type: 'none' });
  });

  it('uses a 3-second budget by default', () => {
    const flow = unsureFlow();
    const r = say(flow, begin(flow).session, 'xqzv plumbus grrk');
    expect(pickEffect(r.effects)).toMatchObject({ request: { timeoutMs: 3000 } });
  });

  it('above the threshold routes as usual and never asks', () => {
    const flow = unsureFlow();
    const r = say(flow, begin(flow).session, 'I would like a refund');
    expect(pickEffect(r.effects)).toBeUndefined();
    expect(texts(r)).toEqual(['Refunds take 5 days.']);
  });

  it('never asks when the option is off', () => {
    const flow = intentFlow();
    const r = say(flow, begin(flow).session, 'xqzv plumbus grrk');
    expect(pickEffect(r.effects)).toBeUndefined();
    expect(texts(r)).toEqual(['Let me get you a person.']);
  });

  it('a pick continues at that intent and logs the classifier guess next to it', () => {
    const flow = unsureFlow({ threshold: 1 });
    const asked = say(flow, begin(flow).session, 'where is my parcel?');
    // JSON round trip: a stored session carries the pending pick.
    const session = JSON.parse(JSON.stringify(asked.session));
    const r = send(flow, session, { type: 'intentPickResult', nodeId: 'understand', pick: 'refund' });
    expect(texts(r)).toEqual(['Refunds take 5 days.']);
    expect(r.session.variables.intent).toBe('refund');
    expect(r.session.wait).toBeUndefined();
    expect(eventNamed(r, 'intentTieBreak')?.data).toEqual({ classifierGuess: 'track', classifierScore: asked.session.variables.confidence, modelPick: 'refund', outcome: 'picked' });
    expect(eventNamed(r, 'intentMatched')?.data).toMatchObject({ intentId: 'refund', via: 'model' });
  });

  it('none takes the fallback, with the customer text recorded as usual', () => {
    const flow = unsureFlow();
    const asked = say(flow, begin(flow).session, 'xqzv plumbus grrk');
    const r = send(flow, asked.session, { type: 'intentPickResult', nodeId: 'understand', pick: null });
    expect(texts(r)).toEqual(['Let me get you a person.']);
    expect(r.session.variables.intent).toBeNull();
    expect(eventNamed(r, 'intentTieBreak')?.data).toMatchObject({ modelPick: null, outcome: 'none' });
    expect(eventNamed(r, 'fallback')?.data).toMatchObject({ text: 'xqzv plumbus grrk', reason: 'lowConfidence' });
  });

  it('a failure (timeout) takes the fallback and logs the reason', () => {
    const flow = unsureFlow();
    const asked = say(flow, begin(flow).session, 'xqzv plumbus grrk');
    const r = send(flow, asked.session, { type: 'intentPickResult', nodeId: 'understand', pick: null, reason: 'timeout' });
    expect(texts(r)).toEqual(['Let me get you a person.']);
    expect(eventNamed(r, 'intentTieBreak')?.data).toMatchObject({ modelPick: null, outcome: 'failed', reason: 'timeout' });
  });

  it('a pick that is not one of the step\'s intents counts as none', () => {
    const flow = unsureFlow();
    const asked = say(flow, begin(flow).session, 'xqzv plumbus grrk');
    const r = send(flow, asked.session, { type: 'intentPickResult', nodeId: 'understand', pick: 'fallback' });
    expect(texts(r)).toEqual(['Let me get you a person.']);
    expect(eventNamed(r, 'intentTieBreak')?.data).toMatchObject({ modelPick: null, outcome: 'none' });
  });

  it('with no fallback edge says the fallback text and waits for a rephrasing', () => {
    const flow = unsureFlow({ fallback: false });
    const asked = say(flow, begin(flow).session, 'xqzv plumbus grrk');
    const r = send(flow, asked.session, { type: 'intentPickResult', nodeId: 'understand', pick: null });
    expect(texts(r)).toEqual(["Sorry, I didn't get that."]);
    expect(r.session).toMatchObject({ status: 'waiting', nodeId: 'understand' });
    expect(r.session.wait).toBeUndefined();
    expect(r.input).toEqual({ type: 'text', nodeId: 'understand', inputKind: 'text' });
  });

  it('ignores a late or duplicate pick', () => {
    const flow = unsureFlow();
    const asked = say(flow, begin(flow).session, 'xqzv plumbus grrk');
    const done = send(flow, asked.session, { type: 'intentPickResult', nodeId: 'understand', pick: null });
    const again = send(flow, done.session, { type: 'intentPickResult', nodeId: 'understand', pick: 'refund' });
    expect(texts(again)).toEqual([]);
    expect(eventNamed(again, 'intentTieBreak')).toBeUndefined();
  });

  it('a message while a pick is pending (the host lost it) is classified afresh', () => {
    const flow = unsureFlow();
    const asked = say(flow, begin(flow).session, 'xqzv plumbus grrk');
    const r = say(flow, asked.session, 'refund please');
    expect(texts(r)).toEqual(['Refunds take 5 days.']);
    expect(r.session.wait).toBeUndefined();
  });
});
