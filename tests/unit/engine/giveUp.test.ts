import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FlowDocument } from '../../../runtime/src/schema';
import type { StepResult } from '../../../runtime/src/engine/types';
import { begin, ctxAt, edge, eventNamed, eventNames, flowOf, say, send, startTo, texts } from './helpers';
import { flowArb } from './arbitraries';

type Action = 'handoff' | 'end';

function questionFlow(opts: { action?: Action; text?: string; locale?: string } = {}): FlowDocument {
  return flowOf({
    locale: opts.locale ?? 'en',
    settings: {
      fallbackText: 'Fallback!',
      afterRetries: { action: opts.action ?? 'handoff', ...(opts.text ? { text: opts.text } : {}) },
      handoff: { defaultQueue: 'support', offlineText: 'Nobody here.' },
    },
    variables: [{ name: 'n', type: 'number' }],
    nodes: [...startTo('q').nodes, { id: 'q', type: 'question', data: { text: 'How many?', variable: 'n', inputKind: 'number', maxRetries: 1 } }],
    edges: [...startTo('q').edges],
  });
}

function choiceFlow(action: Action, locale = 'en'): FlowDocument {
  return flowOf({
    locale,
    settings: { fallbackText: 'Pick one.', afterRetries: { action } },
    nodes: [
      ...startTo('menu').nodes,
      { id: 'menu', type: 'choice', data: { text: 'Which?', options: [{ id: 'a', label: 'Cards' }] } },
      { id: 'm', type: 'message', data: { text: 'Cards it is' } },
    ],
    edges: [...startTo('menu').edges, edge('menu', 'm', 'a')],
  });
}

function answers(flow: FlowDocument, inputs: string[], ctx = ctxAt()): StepResult[] {
  let r = begin(flow, ctx);
  return inputs.map((text) => (r = say(flow, r.session, text, ctx)));
}

describe('giving up after the retries', () => {
  it('a question with an unconnected invalid exit hands off to the default queue after its retries', () => {
    const [r1, r2] = answers(questionFlow(), ['x', 'y']);
    expect(r1!.session.status).toBe('waiting');
    expect(r2!.session.status).toBe('handedOff');
    expect(texts(r2!)).toEqual(["Sorry, I still can't understand your answer. I'm passing you to a member of our team."]);
    expect(r2!.effects).toContainEqual({ type: 'handoff', nodeId: 'q', queue: 'support', priority: 'normal', note: '' });
    expect(eventNamed(r2!, 'gaveUp')?.data).toEqual({ action: 'handoff' });
  });

  it('ends the conversation when the flow says so, in the flow language by default', () => {
    const [, r2] = answers(questionFlow({ action: 'end', locale: 'pl' }), ['x', 'y']);
    expect(texts(r2!)).toEqual(['Przepraszam, nadal nie rozumiem odpowiedzi. Napisz do nas proszę ponownie później.']);
    expect(r2!.session.status).toBe('completed');
  });

  it("says the flow's own text, with variables filled", () => {
    const [, r2] = answers(questionFlow({ action: 'end', text: 'Sorry! ({{n}})' }), ['x', 'y']);
    expect(texts(r2!)).toEqual(['Sorry! ()']);
  });

  it('with nobody available, says the offline text and ends', () => {
    const ctx = ctxAt(undefined, { agentsAvailable: () => false });
    const [, r2] = answers(questionFlow(), ['x', 'y'], ctx);
    expect(texts(r2!)).toEqual(["Sorry, I still can't understand your answer. I'm passing you to a member of our team.", 'Nobody here.']);
    expect(r2!.session.status).toBe('completed');
    expect(eventNames(r2!)).toContain('handoffOffline');
  });

  it('the agent returning a given-up conversation ends it; an unavailable signal says the offline text', () => {
    const flow = questionFlow();
    const [, handed] = answers(flow, ['x', 'y']);
    const returned = send(flow, handed!.session, { type: 'handoffReturned' });
    expect(returned.session.status).toBe('completed');
    expect(texts(returned)).toEqual([]);
    const unavailable = send(flow, handed!.session, { type: 'handoffUnavailable' });
    expect(texts(unavailable)).toEqual(['Nobody here.']);
    expect(unavailable.session.status).toBe('completed');
  });

  it('a choice with an unconnected noMatch re-offers twice, then gives up', () => {
    const results = answers(choiceFlow('end'), ['weather', 'rain', 'snow']);
    expect(results.map((r) => r.session.status)).toEqual(['waiting', 'waiting', 'completed']);
    expect(texts(results[0]!)).toEqual(['Pick one.']);
    expect(texts(results[2]!)).toEqual(["Sorry, I still can't understand your answer. Please write to us again later."]);
  });

  it('a choice counts unmatched answers per visit: a match in between starts over', () => {
    const flow = choiceFlow('end');
    const r1 = say(flow, begin(flow).session, 'weather');
    expect(r1.session.retries).toEqual({ menu: 1 });
    const r2 = send(flow, r1.session, { type: 'option', optionId: 'a' });
    expect(r2.session.retries).toEqual({});
  });
});

describe('no question or choice asks forever', () => {
  it('in random flows, unusable answers leave a question or choice within its retries', () => {
    fc.assert(
      fc.property(flowArb, fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }), (flow, agents) => {
        let r = begin(flow, ctxAt(undefined, { agentsAvailable: () => true }));
        let streak = 0;
        for (const available of agents) {
          const before = r.session;
          // Blank answers are rejected by every question kind and match no option.
          r = say(flow, before, '   ', ctxAt(undefined, { agentsAvailable: () => available }));
          const stayed =
            r.session.status === 'waiting' &&
            before.status === 'waiting' &&
            r.session.nodeId === before.nodeId &&
            !r.effects.some((e) => e.type === 'event' && e.event.name === 'nodeEntered' && e.event.nodeId === r.session.nodeId);
          const node = flow.nodes.find((n) => n.id === r.session.nodeId);
          // Only these two give up after retries; an intent or FAQ whose fallback leads nowhere lets the
          // customer rephrase by design (the validator flags it), and an HTTP step waits for its result.
          const retried = node?.type === 'question' || node?.type === 'choice';
          streak = stayed && retried ? streak + 1 : 0;
          const allowed = node?.type === 'question' ? (node.data.maxRetries ?? 2) : 2;
          expect(streak).toBeLessThanOrEqual(allowed);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
