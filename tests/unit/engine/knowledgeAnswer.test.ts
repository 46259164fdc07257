import { describe, expect, it } from 'vitest';
import { begin, edge, eventNamed, flowOf, say, send, startTo, texts } from './helpers';
import type { StepResult } from '../../../runtime/src/engine/types';
import type { KnowledgeAnswerData } from '../../../runtime/src/schema/nodes/knowledgeAnswer';

/** An intent step whose fallback asks the knowledge; `noAnswer` hands off, `error` says sorry. */
function kbFlow(data: Partial<KnowledgeAnswerData> = {}, opts: { unconnected?: boolean } = {}) {
  return flowOf({
    variables: [{ name: 'answer', type: 'string' }, { name: 'topic', type: 'string' }],
    nodes: [
      ...startTo('kb').nodes,
      { id: 'kb', type: 'knowledgeAnswer', data: { text: 'Ask me anything about returns.', tone: 'Friendly', ...data } },
      { id: 'more', type: 'message', data: { text: 'Anything else?' } },
      { id: 'agent', type: 'handoff', data: { text: 'Passing you to a person.', queue: 'support' } },
      { id: 'sorry', type: 'end', data: { text: 'Sorry, try again later.' } },
      { id: 'done', type: 'end', data: { text: 'Bye.' } },
    ],
    edges: [
      ...startTo('kb').edges,
      edge('kb', 'more', 'answered'),
      edge('more', 'done', 'next'),
      ...(opts.unconnected ? [] : [edge('kb', 'agent', 'noAnswer'), edge('kb', 'sorry', 'error')]),
    ],
  });
}

function knowledgeEffect(r: StepResult) {
  const effect = r.effects.find((e) => e.type === 'knowledge');
  if (!effect || effect.type !== 'knowledge') throw new Error('no knowledge effect');
  return effect;
}

describe('Answer from knowledge step', () => {
  it('says its text and waits; the next message is asked with the flow language and the tone, and the session parks', () => {
    const flow = kbFlow({ maxPassages: 3, sourceIds: ['returns'] });
    const started = begin(flow);
    expect(texts(started)).toEqual(['Ask me anything about returns.']);
    expect(started.input).toMatchObject({ type: 'text', nodeId: 'kb' });
    const r = say(flow, started.session, 'How long do I have to return shoes?');
    expect(knowledgeEffect(r)).toEqual({
      type: 'knowledge',
      nodeId: 'kb',
      request: { question: 'How long do I have to return shoes?', locale: 'en', tone: 'Friendly', maxPassages: 3, sourceIds: ['returns'] },
    });
    expect(r.session).toMatchObject({ status: 'waiting', nodeId: 'kb', wait: { kind: 'knowledge' } });
    expect(r.input).toEqual({ type: 'none' });
  });

  it('asks at once with a question template', () => {
    const flow = flowOf({
      variables: [{ name: 'q', type: 'string', default: 'opening hours' }],
      nodes: [...startTo('kb').nodes, { id: 'kb', type: 'knowledgeAnswer', data: { question: 'When: {{q}}' } }],
      edges: startTo('kb').edges,
    });
    expect(knowledgeEffect(begin(flow)).request).toEqual({ question: 'When: opening hours', locale: 'en', maxPassages: 4 });
  });

  it("answers the customer's message that led to it in the same turn (an intent step's fallback)", () => {
    const flow = flowOf({
      nodes: [
        ...startTo('topic').nodes,
        { id: 'topic', type: 'intent', data: { text: 'What do you need?', intents: [{ id: 'track', name: 'track', examples: ['where is my parcel', 'track my order', 'order status'] }], threshold: 0.99 } },
        { id: 'kb', type: 'knowledgeAnswer', data: {} },
        { id: 'end', type: 'end', data: {} },
      ],
      edges: [...startTo('topic').edges, edge('topic', 'end', 'track'), edge('topic', 'kb', 'fallback')],
    });
    const r = say(flow, begin(flow).session, 'Do you ship to Norway?');
    expect(knowledgeEffect(r).request.question).toBe('Do you ship to Norway?');
  });

  it('answered: says the answer, shows the cited sources as links, saves it and follows answered', () => {
    const flow = kbFlow({ answerVariable: 'answer' });
    const parked = say(flow, begin(flow).session, 'Returns?').session;
    const sources = [{ label: 'Returns policy', url: 'https://shop.example.com/returns' }];
    const r = send(flow, parked, { type: 'knowledgeResult', nodeId: 'kb', outcome: 'answered', text: 'You have 30 days.', sources });
    expect(texts(r)).toEqual(['You have 30 days.', 'Anything else?', 'Bye.']);
    expect(r.outputs).toContainEqual({ type: 'links', nodeId: 'kb', links: sources });
    expect(r.session.variables.answer).toBe('You have 30 days.');
    expect(eventNamed(r, 'knowledgeAnswer')?.data).toEqual({ outcome: 'answered', sources: 1 });
  });

  it('noAnswer follows its output (a handoff), error its own', () => {
    const flow = kbFlow();
    const parked = say(flow, begin(flow).session, 'Can I pay in bitcoin?').session;
    const none = send(flow, parked, { type: 'knowledgeResult', nodeId: 'kb', outcome: 'noAnswer', reason: 'nothingRetrieved' });
    expect(none.session.status).toBe('handedOff');
    expect(eventNamed(none, 'knowledgeAnswer')?.data).toEqual({ outcome: 'noAnswer', reason: 'nothingRetrieved' });
    const failed = send(flow, parked, { type: 'knowledgeResult', nodeId: 'kb', outcome: 'error', reason: 'timeout' });
    expect(texts(failed)).toEqual(['Sorry, try again later.']);
    expect(eventNamed(failed, 'knowledgeAnswer')?.data).toEqual({ outcome: 'error', reason: 'timeout' });
  });

  it('an unconnected noAnswer or error says the fallback and waits for another question', () => {
    const flow = kbFlow({}, { unconnected: true });
    const parked = say(flow, begin(flow).session, 'Bitcoin?').session;
    const r = send(flow, parked, { type: 'knowledgeResult', nodeId: 'kb', outcome: 'error', reason: 'budgetSpent' });
    expect(texts(r)).toEqual(["Sorry, I didn't get that."]);
    expect(r.session).toMatchObject({ status: 'waiting', nodeId: 'kb' });
    expect(r.session.wait).toBeUndefined();
    expect(knowledgeEffect(say(flow, r.session, 'And returns?')).request.question).toBe('And returns?');
  });

  it('"Did that help?": yes/no recorded, then answered; a new question is asked instead', () => {
    const flow = kbFlow({ askHelpful: true });
    const parked = say(flow, begin(flow).session, 'Returns?').session;
    const answered = send(flow, parked, { type: 'knowledgeResult', nodeId: 'kb', outcome: 'answered', text: 'You have 30 days.', sources: [] });
    expect(texts(answered)).toEqual(['You have 30 days.', 'Did that help?']);
    expect(answered.input).toEqual({ type: 'choice', nodeId: 'kb', options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }], allowText: true });
    const yes = send(flow, answered.session, { type: 'option', optionId: 'yes' });
    expect(eventNamed(yes, 'knowledgeFeedback')?.data).toEqual({ helpful: true });
    expect(texts(yes)).toEqual(['Anything else?', 'Bye.']);
    const no = say(flow, answered.session, 'nie');
    expect(eventNamed(no, 'knowledgeFeedback')?.data).toEqual({ helpful: false });
    const next = say(flow, answered.session, 'And what about exchanges?');
    expect(eventNamed(next, 'knowledgeFeedback')).toBeUndefined();
    expect(knowledgeEffect(next).request.question).toBe('And what about exchanges?');
  });

  it('ignores a late result or one for another node', () => {
    const flow = kbFlow();
    const parked = say(flow, begin(flow).session, 'Returns?').session;
    const wrong = send(flow, parked, { type: 'knowledgeResult', nodeId: 'more', outcome: 'answered', text: 'x' });
    expect(wrong.outputs).toEqual([]);
    expect(wrong.session.wait).toEqual({ kind: 'knowledge' });
    const done = send(flow, parked, { type: 'knowledgeResult', nodeId: 'kb', outcome: 'answered', text: 'ok' }).session;
    expect(send(flow, done, { type: 'knowledgeResult', nodeId: 'kb', outcome: 'error', reason: 'timeout' }).outputs).toEqual([]);
  });

  it('a message while the answer is outstanding (the host lost it) is asked instead', () => {
    const flow = kbFlow();
    const parked = say(flow, begin(flow).session, 'Returns?').session;
    expect(knowledgeEffect(say(flow, parked, 'Hello?')).request.question).toBe('Hello?');
  });
});
